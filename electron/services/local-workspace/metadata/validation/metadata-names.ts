/** Twenty's name rules live in shared/ so the editor checks them as the admin types. */
export * from '../../../../../shared/domain/metadata-names';
