/**
 * Record changes as Twenty's webhooks see them. Writers emit after their transaction commits;
 * listeners (webhook delivery) must never block or fail the request that caused the event.
 */
export type RecordAction = 'created' | 'updated' | 'deleted' | 'destroyed' | 'restored';

export interface RecordEvent {
  action: RecordAction;
  objectMetadata: { id: string; nameSingular: string };
  /** After-image, except `destroyed` (before-image), as Twenty sends it. */
  record: Record<string, unknown>;
  /** `updated` only: names of the fields the request changed. */
  updatedFields?: string[];
  eventDate: string;
  workspaceId: string;
}

export type RecordEventListener = (event: RecordEvent) => void;

export class RecordEventBus {
  private readonly listeners = new Set<RecordEventListener>();

  subscribe(listener: RecordEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: RecordEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        console.error('[local-workspace] record event listener failed:', error);
      }
    }
  }
}
