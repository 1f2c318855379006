/** Where the built-in property types used to live; they are in the model's floor (lib/model/builtin.ts). */
export type { BuiltinProps } from '../model/builtin.js';
export type { JsonValue } from '../model/values.js';
