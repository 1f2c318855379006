/**
 * Values the README's examples use without declaring them: they stand for the reader's own (see
 * test/readme/check-blocks.ts). Global, so every block sees them; a block that declares one of
 * these names itself shadows it.
 */
/** The collection to list. */
declare const url: string;
declare const user: string;
declare const password: string;
/** An Authorization header value. */
declare const auth: string;
/** A fetch response to a PROPFIND or REPORT. */
declare const res: Response;
/** The PROPFIND request body (the README declares it in its own block). */
declare const PROPFIND: string;
