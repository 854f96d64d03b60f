/** A 400 caused by a query parameter, answered as Twenty's REST input parsers do. */
export class RestQueryError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}
