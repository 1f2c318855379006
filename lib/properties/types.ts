/** Where the structured value types used to live; they are in the model's floor (lib/model/values.ts). */
export type { Ace, AcePrincipal, ActiveLock, DataType, LockEntry, ParentBinding, SupportedPrivilege } from '../model/values.js';
