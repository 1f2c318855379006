import { SaxesParser } from 'saxes';
import type { SaxesAttributePlain, SaxesTagPlain } from 'saxes';
import { ByteDecoder } from '../decode/decoder.js';
import type { InvalidBytes } from '../decode/decoder.js';
import { MultistatusError } from '../errors.js';
import type { ErrorPosition, MultistatusErrorCode } from '../errors.js';
import { hrefPath, resolveHref } from '../href.js';
import { resolveLimits } from '../limits.js';
import { DAV_NS, normaliseKey } from '../names.js';
import { decoderTable } from '../properties/registry.js';
import type { Decoder } from '../properties/registry.js';
import { MISSING_STATUS, isFailure, isSuccess, isXmlSpace, parseStatus, trimXml } from '../status.js';
import type {
  DavResponse, DavStatus, Diagnostic, Limits, MultistatusSummary, ParseOptions, Propstat, Props, XmlElement,
} from '../types.js';
import { HAS_ELEMENT, appendText, finishNode, textFlag } from './capture.js';
import { NamespaceScope } from './namespaces.js';
import { xmlReason } from './xml-reasons.js';
import { plural } from '../plural.js';
import { detach } from '../strings.js';
import type { ResolvedName } from './namespaces.js';

/** Options of the low-level parser: the parse options plus the callback that gets each response. */
export interface MultistatusParserOptions extends ParseOptions {
  /** Called synchronously with each top-level response as soon as its end tag has been read. */
  onResponse: (response: DavResponse) => void;
}

// What the parser is inside of (the "interior mode" of an open element).
const PROLOG = 0;
const ROOT = 1;
const RESPONSE = 2;
const PROPSTAT = 3;
const PROP = 4;
const TEXT = 5;
const CAPTURE = 6;
const SKIP = 7;
const LOCATION = 8;
const ERROR = 9;
const DESCRIPTION = 10;
const EPILOG = 11;

// What an open element is (decides what its end tag does).
const K_ROOT = 1;
const K_RESPONSE = 2;
const K_PROPSTAT = 3;
const K_PROP = 4;
const K_TEXT = 5;
const K_CAPTURED = 6;
const K_CAPTURE_ROOT = 7;
const K_SKIPPED = 8;
const K_LOCATION = 9;
const K_ERROR = 10;
const K_DESCRIPTION = 11;

// Targets of a TEXT element.
const T_HREF = 1;
const T_RESPONSE_STATUS = 2;
const T_PROPSTAT_STATUS = 3;
const T_SYNC_TOKEN = 4;
const T_LOCATION_HREF = 5;

// Targets of a captured subtree.
const C_PROPERTY = 1;
const C_ERROR = 2;
const C_RESPONSE_EXTENSION = 3;
const C_ROOT_EXTENSION = 4;

// Levels of a responsedescription.
const L_ROOT = 1;
const L_RESPONSE = 2;
const L_PROPSTAT = 3;

// DAV: element names the state machine dispatches on.
const E_MULTISTATUS = 1;
const E_RESPONSE = 2;
const E_HREF = 3;
const E_STATUS = 4;
const E_PROPSTAT = 5;
const E_PROP = 6;
const E_ERROR = 7;
const E_DESCRIPTION = 8;
const E_LOCATION = 9;
const E_SYNC_TOKEN = 10;
const DAV_CODES = new Map<string, number>([
  ['multistatus', E_MULTISTATUS],
  ['response', E_RESPONSE],
  ['href', E_HREF],
  ['status', E_STATUS],
  ['propstat', E_PROPSTAT],
  ['prop', E_PROP],
  ['error', E_ERROR],
  ['responsedescription', E_DESCRIPTION],
  ['location', E_LOCATION],
  ['sync-token', E_SYNC_TOKEN],
]);

/** What the parser derives once per (element name, namespace binding). */
interface NameInfo {
  /** One of the E_ codes for a structural DAV: name, else 0. */
  code: number;
  /** Decoder of the property of that key, if any. */
  decoder: Decoder | undefined;
  /** False when `options.properties` leaves this property out. */
  keep: boolean;
}

type Name = ResolvedName<NameInfo>;

/** Thrown from a saxes handler to stop it when the root turns out not to be a multistatus. */
const DEFER = Symbol('defer');
/** Characters of the body's start kept to show in NOT_MULTISTATUS. */
const HEAD_CHARS = 256;

const EMPTY_ATTRS: Record<string, string> = Object.freeze({}) as Record<string, string>;

/**
 * The synchronous push parser: `write()` chunks of bytes or text, `end()` once. Each top-level
 * `response` is handed to `onResponse` as soon as its end tag has been read, then forgotten.
 * Knows nothing of I/O; the iterator, stream and CLI faces are thin adapters over it.
 */
export class MultistatusParser {
  private readonly sax: SaxesParser<{ position: true; xmlns: false }>;
  private readonly onResponse: (response: DavResponse) => void;
  private readonly limits: Limits;
  private readonly strict: boolean;
  private readonly base: URL | undefined;
  private readonly signal: AbortSignal | undefined;
  private readonly ns: NamespaceScope<NameInfo>;
  private decoder: ByteDecoder | undefined;
  private readonly encodingHint: string | undefined;

  // Element stack.
  private depth = 0;
  private readonly modes: number[] = [PROLOG];
  private readonly kinds: number[] = [0];

  // Attributes of the element being opened.
  private attrCount = 0;
  private nsCount = 0;
  private readonly pendingPrefixes: string[] = [];
  private readonly pendingUris: string[] = [];
  private pendingLang: string | undefined;
  private hasLang = false;
  private readonly langDepths: number[] = [];
  private readonly langValues: string[] = [];

  // Text of a TEXT element.
  private text = '';
  private textTarget = 0;

  // Captured subtree (property values, error conditions, unknown elements).
  private capKind = 0;
  private capDepth = 0;
  private capName = '';
  private capAttrs: Record<string, string> | undefined;
  private capText = '';
  private capRoot: XmlElement | undefined;
  private readonly nodes: (XmlElement | undefined)[] = [];
  private nodeTop = 0;
  private readonly nodeFlags: number[] = [];
  private capLang: string | undefined;
  private capDecoder: Decoder | undefined;

  // responsedescription being read.
  private descText = '';
  private descLevel = 0;

  // Response being built.
  private hrefs: string[] = [];
  private status: DavStatus | undefined;
  private propstats: Propstat[] = [];
  private error: XmlElement[] | undefined;
  private description: string | undefined;
  private location: string | undefined;
  private extensions: XmlElement[] | undefined;
  private propertyCount = 0;
  private responseStart = -1;
  private errorTarget: XmlElement[] | undefined;

  // Propstat being built.
  private psProps: Props = {};
  private psStatus: DavStatus | undefined;
  private psError: XmlElement[] | undefined;
  private psDescription: string | undefined;
  private psLang: Record<string, string> | undefined;
  private pendingCount = 0;
  private pendingKeys: string[] = [];
  private pendingTexts: string[] = [];
  private pendingAttrs: (Record<string, string> | undefined)[] = [];
  private pendingDecoders: (Decoder | undefined)[] = [];

  // Document level.
  private responses = 0;
  private syncToken: string | undefined;
  private rootDescription: string | undefined;
  private truncated = false;
  private rootExtensions: XmlElement[] | undefined;
  private readonly diagnostics: Diagnostic[] = [];
  private diagnosticCount = 0;
  private sawRoot = false;
  private closedRoot = false;
  private head = '';
  private ended = false;
  private failure: MultistatusError | undefined;
  private chunkStart = 0;
  /** Name in the end tag saxes is closing (see the constructor). */
  private endName = '';
  /** Characters handed to saxes so far (saxes' own `position` is only right during a write). */
  private fed = 0;
  // A root that is not a multistatus (or a body that is not XML): the error waits until enough
  // of the body has arrived to show what it is (or until the end), saxes is fed no more.
  private rootProblem: string | undefined;
  private rootPosition: ErrorPosition | undefined;
  private rootFrom = 0;
  private stringBytes = 0;
  private leading = true;
  /** Whitespace (and the start of a `<?xml` split after it) held back at the start of the body. */
  private leadText = '';
  /** Lines, columns (on the first line) and characters of whitespace skipped before `<?xml`. */
  private leadLines = 0;
  private leadColumns = 0;
  private leadChars = 0;
  private callbackError: { error: unknown } | undefined;
  /** Where the body's first non-space character is (a body that is not XML is wrong from there). */
  private firstChar: ErrorPosition | undefined;
  private wsLines = 0;
  private wsColumns = 0;
  private wsChars = 0;
  private readonly statusCache = new Map<string, DavStatus>();

  constructor(options: MultistatusParserOptions) {
    this.onResponse = options.onResponse;
    this.limits = resolveLimits(options.limits);
    this.strict = options.strict === true;
    this.base = options.baseUrl === undefined ? undefined : new URL(String(options.baseUrl));
    const filter = options.properties ? new Set(options.properties.map(normaliseKey)) : undefined;
    const decoders = decoderTable(options.typed !== false, options.decoders, normaliseKey);
    this.ns = new NamespaceScope<NameInfo>((uri, local, key) => ({
      code: uri === DAV_NS ? (DAV_CODES.get(local) ?? 0) : 0,
      decoder: decoders?.get(key),
      keep: filter === undefined || filter.has(key),
    }));
    this.signal = options.signal;
    this.encodingHint = options.encoding;
    const sax = new SaxesParser<{ position: true; xmlns: false }>({ position: true, xmlns: false });
    this.sax = sax;
    sax.on('opentag', this.onOpen.bind(this));
    sax.on('closetag', this.onClose.bind(this));
    sax.on('text', this.onText.bind(this));
    sax.on('cdata', this.onText.bind(this));
    sax.on('attribute', this.onAttribute.bind(this));
    sax.on('doctype', this.onDoctype.bind(this));
    sax.on('error', this.onSaxError.bind(this));
    // What follows is set as named properties, after the handlers above: saxes' on() stores with a
    // computed key, and V8 turns an object given more than a few properties that way into a slow
    // dictionary (an eighth handler made the whole parse 3.5 times slower).
    const internals = sax as unknown as {
      closeTag(): void;
      name: string;
      commentHandler: (text: string) => void;
      piHandler: (pi: { body: string }) => void;
    };
    // Comments and PIs are dropped but bounded like text, whatever the chunking.
    internals.commentHandler = this.onIgnored.bind(this);
    internals.piHandler = (pi) => this.onIgnored(pi.body);
    // saxes reports the open element closed before it checks the end tag's name, so
    // </D:responsX> would deliver the <D:response> it does not close: note the name it read.
    const closeTag = internals.closeTag;
    internals.closeTag = (): void => {
      this.endName = internals.name;
      closeTag.call(sax);
    };
  }

  /** Feeds a chunk: bytes (decoded per BOM / charset / XML declaration) or already decoded text. */
  write(chunk: Uint8Array | string): void {
    if (this.failure) throw this.failure;
    if (this.ended) throw this.fail('USAGE', 'write() after end()', false);
    if (this.signal?.aborted) throw this.fail('ABORTED', 'the parse was aborted', false);
    let text: string;
    if (typeof chunk === 'string') {
      if (this.decoder) throw this.fail('USAGE', 'a string chunk after byte chunks', false);
      text = chunk;
      this.stringBytes += chunk.length;
    } else {
      if (this.stringBytes > 0) throw this.fail('USAGE', 'a byte chunk after string chunks', false);
      if (!this.decoder) this.decoder = new ByteDecoder(this.encodingHint, this.encodingNote);
      try {
        text = this.decoder.write(chunk);
      } catch (e) {
        throw this.rootProblem !== undefined ? this.rootFailure() : this.adopt(e);
      }
    }
    this.feed(text);
    const bad = this.decoder?.invalid;
    if (bad !== undefined) throw this.encodingFailure(bad);
  }

  /** Ends the body: checks it was complete and returns the summary. */
  end(): MultistatusSummary {
    if (this.failure) throw this.failure;
    if (this.ended) throw this.fail('USAGE', 'end() called twice', false);
    if (this.signal?.aborted) throw this.fail('ABORTED', 'the parse was aborted', false);
    if (this.decoder) {
      let rest: string;
      try {
        rest = this.decoder.end();
      } catch (e) {
        throw this.rootProblem !== undefined ? this.rootFailure() : this.adopt(e);
      }
      this.feed(rest);
    }
    if (this.leadText !== '') {
      // The body was only whitespace (and perhaps the start of a declaration): let saxes judge it.
      const held = this.leadText;
      this.leadText = '';
      this.leading = false;
      this.push(held, this.fed);
    }
    this.ended = true;
    if (this.rootProblem !== undefined) throw this.rootFailure();
    if (!this.sawRoot) {
      const got = this.head.trim();
      if (got === '') throw this.fail('NOT_MULTISTATUS', 'the body is empty', true);
      if (got.startsWith('<')) throw this.fail('TRUNCATED', `the body ended before its root element: got ${quote(got)}`, true);
      this.failure = new MultistatusError('NOT_MULTISTATUS', `the body is not XML: got ${quote(got)}`, this.firstChar ?? this.position());
      throw this.failure;
    }
    if (!this.closedRoot) {
      throw this.fail('TRUNCATED', `the body ended inside the document, after ${plural(this.responses, 'complete response')}`, true);
    }
    try {
      this.sax.close();
    } catch (e) {
      throw this.adopt(e);
    }
    const summary: MultistatusSummary = {
      responses: this.responses,
      bytes: this.decoder ? this.decoder.bytes : this.stringBytes,
      truncated: this.truncated,
      diagnostics: this.diagnostics,
      diagnosticCount: this.diagnosticCount,
    };
    if (this.decoder?.encoding !== undefined) summary.encoding = this.decoder.encoding;
    if (this.syncToken !== undefined) summary.syncToken = this.syncToken;
    if (this.rootDescription !== undefined) summary.responseDescription = this.rootDescription;
    if (this.rootExtensions) summary.extensions = this.rootExtensions;
    return summary;
  }

  private feed(text: string): void {
    if (text === '') return;
    if (this.firstChar === undefined) this.findFirstChar(text);
    if ((!this.sawRoot || this.rootProblem !== undefined) && this.head.length < HEAD_CHARS) {
      this.head += text.slice(0, HEAD_CHARS - this.head.length);
    }
    if (this.rootProblem !== undefined) return this.checkRoot(false);
    // Where character `k` of what saxes gets sits in `text`: `k + (sax.position - start)`.
    let start = this.fed;
    if (this.leading) {
      // XML forbids anything before the declaration; servers sometimes send a newline first.
      // Whitespace is held until what follows it is known, however the body is chunked.
      const all = this.leadText + text;
      const held = this.leadText.length;
      let i = 0;
      while (i < all.length && isSpaceCode(all.charCodeAt(i))) i++;
      // An XML declaration is "<?xml" and whitespace ("<?xml-stylesheet" is a processing instruction).
      if (i === all.length || (i > 0 && all.length - i < 6 && '<?xml'.startsWith(all.slice(i, i + 5)))) {
        this.leadText = all;
        return;
      }
      this.leadText = '';
      this.leading = false;
      if (i > 0 && all.startsWith('<?xml', i) && isSpaceCode(all.charCodeAt(i + 5))) {
        this.skipLead(all.slice(0, i));
        start -= i - held;
        this.chunkStart = start;
        this.diag('LEADING_WHITESPACE', 'whitespace before the XML declaration was skipped');
        text = all.slice(i);
      } else {
        start += held;
        text = all;
      }
    }
    this.push(text, start);
  }

  /** Counts the lines and columns of skipped leading whitespace, so that positions stay true. */
  private skipLead(ws: string): void {
    this.leadChars = ws.length;
    for (let k = 0; k < ws.length; k++) {
      const c = ws.charCodeAt(k);
      if (c === 13 && ws.charCodeAt(k + 1) === 10) continue; // CR LF is one line end
      if (c === 10 || c === 13) {
        this.leadLines++;
        this.leadColumns = 0;
      } else {
        this.leadColumns++;
      }
    }
  }

  private push(text: string, start: number): void {
    this.chunkStart = start;
    this.fed += text.length;
    try {
      this.sax.write(text);
    } catch (e) {
      if (e === DEFER) return this.checkRoot(false);
      if (this.callbackError !== undefined && this.callbackError.error === e) {
        this.failure = new MultistatusError('USAGE', 'onResponse threw; the parse cannot go on', {}, e);
        throw e;
      }
      throw this.adopt(e);
    }
    // saxes holds an unfinished token (text, CDATA, comment, attribute value) in `text` and an
    // unfinished name in `name` across writes, and reports it only once it ends: a value that
    // arrives in many chunks must be stopped here, before it has been buffered whole.
    const held = this.sax as unknown as { text: string; name: string };
    if (held.text.length > this.limits.maxTextLength || held.name.length > this.limits.maxTextLength) {
      throw this.tooLong();
    }
  }

  // ---- saxes events ----------------------------------------------------------------------

  private onAttribute(attr: SaxesAttributePlain): void {
    const name = attr.name;
    if (attr.value.length > this.limits.maxTextLength) throw this.tooLong();
    if (name.charCodeAt(0) === 120 /* x */ && name.startsWith('xmlns') && (name.length === 5 || name.charCodeAt(5) === 58)) {
      if (++this.nsCount > this.limits.maxNamespaceDeclarations) {
        throw this.limit('maxNamespaceDeclarations', 'namespace declarations on one element');
      }
      this.pendingPrefixes.push(name.length === 5 ? '' : name.slice(6));
      this.pendingUris.push(attr.value);
      return;
    }
    if (++this.attrCount > this.limits.maxAttributes) throw this.limit('maxAttributes', 'attributes on one element');
    if (name === 'xml:lang') this.pendingLang = attr.value;
  }

  private onOpen(tag: SaxesTagPlain): void {
    const depth = ++this.depth;
    if (depth > this.limits.maxDepth) throw this.limit('maxDepth', 'element nesting depth');
    const hasAttrs = this.attrCount > 0;
    this.attrCount = 0;
    this.nsCount = 0;
    const parentMode = this.modes[depth - 1]!;
    if (parentMode === SKIP) {
      if (this.pendingPrefixes.length > 0) {
        this.pendingPrefixes.length = 0;
        this.pendingUris.length = 0;
      }
      this.pendingLang = undefined;
      this.modes[depth] = SKIP;
      this.kinds[depth] = K_SKIPPED;
      return;
    }
    if (this.pendingPrefixes.length > 0) this.declarePending(depth);
    if (this.pendingLang !== undefined) {
      this.langDepths.push(depth);
      this.langValues.push(this.pendingLang);
      this.hasLang = true;
      this.pendingLang = undefined;
    }
    const name = this.ns.element(tag.name);
    if (!name.bound) this.unbound(name.prefix, tag.name);
    const code = name.info.code;
    if (this.responseStart >= 0) this.checkResponseSize();

    switch (parentMode) {
      case CAPTURE:
        this.openCaptured(name, tag, hasAttrs, depth);
        return;
      case PROP:
        this.openProperty(name, tag, hasAttrs, depth);
        return;
      case RESPONSE:
        switch (code) {
          case E_HREF:
            return this.openText(depth, T_HREF);
          case E_PROPSTAT:
            this.psProps = {};
            this.psStatus = undefined;
            this.psError = undefined;
            this.psDescription = undefined;
            this.psLang = undefined;
            this.modes[depth] = PROPSTAT;
            this.kinds[depth] = K_PROPSTAT;
            return;
          case E_STATUS:
            return this.openText(depth, T_RESPONSE_STATUS);
          case E_ERROR:
            this.error ??= [];
            return this.openError(depth, this.error);
          case E_DESCRIPTION:
            return this.openDescription(depth, L_RESPONSE);
          case E_LOCATION:
            this.modes[depth] = LOCATION;
            this.kinds[depth] = K_LOCATION;
            return;
        }
        return this.startCapture(name, tag, hasAttrs, depth, C_RESPONSE_EXTENSION);
      case PROPSTAT:
        switch (code) {
          case E_PROP:
            this.modes[depth] = PROP;
            this.kinds[depth] = K_PROP;
            return;
          case E_STATUS:
            return this.openText(depth, T_PROPSTAT_STATUS);
          case E_ERROR:
            this.psError ??= [];
            return this.openError(depth, this.psError);
          case E_DESCRIPTION:
            return this.openDescription(depth, L_PROPSTAT);
        }
        return this.skip(depth);
      case ROOT:
        switch (code) {
          case E_RESPONSE:
            return this.startResponse(depth);
          case E_SYNC_TOKEN:
            return this.openText(depth, T_SYNC_TOKEN);
          case E_DESCRIPTION:
            return this.openDescription(depth, L_ROOT);
        }
        return this.startCapture(name, tag, hasAttrs, depth, C_ROOT_EXTENSION);
      case ERROR:
        return this.startCapture(name, tag, hasAttrs, depth, C_ERROR);
      case LOCATION:
        if (code === E_HREF) return this.openText(depth, T_LOCATION_HREF);
        return this.skip(depth);
      case DESCRIPTION:
        if (code === E_ERROR) {
          const target = this.descLevel === L_PROPSTAT ? (this.psError ??= []) : this.descLevel === L_RESPONSE ? (this.error ??= []) : undefined;
          if (target) return this.openError(depth, target);
        }
        return this.skip(depth);
      case TEXT:
        this.diag('UNEXPECTED_ELEMENT', `<${tag.name}> inside a text element was skipped`);
        return this.skip(depth);
      case PROLOG:
        this.sawRoot = true;
        this.leading = false;
        if (code !== E_MULTISTATUS) {
          const what = name.uri === '' ? `<${tag.name}>` : `<${tag.name}> in namespace ${name.uri}`;
          return this.deferRoot(`the root element is ${what}, not {DAV:}multistatus`, `<${tag.name}`);
        }
        this.modes[depth] = ROOT;
        this.kinds[depth] = K_ROOT;
        return;
      default:
        return this.skip(depth);
    }
  }

  private onClose(tag: SaxesTagPlain): void {
    if (tag.name !== this.endName && !tag.isSelfClosing) {
      throw this.fail('XML_SYNTAX', `the end tag </${this.endName}> does not match <${tag.name}>`, true);
    }
    const depth = this.depth;
    const kind = this.kinds[depth]!;
    if (kind !== K_SKIPPED) {
      switch (kind) {
        case K_CAPTURED: {
          const top = --this.nodeTop;
          finishNode(this.nodes[top]!, this.nodeFlags[top]!);
          this.nodes[top] = undefined;
          break;
        }
        case K_CAPTURE_ROOT:
          this.finishCapture();
          break;
        case K_TEXT:
          this.finishText();
          break;
        case K_PROPSTAT:
          this.finishPropstat();
          break;
        case K_RESPONSE:
          this.checkResponseSize();
          this.finishResponse();
          break;
        case K_DESCRIPTION:
          this.finishDescription();
          break;
        case K_ROOT:
          this.closedRoot = true;
          this.modes[0] = EPILOG;
          break;
      }
    }
    // Skipped or not: the root of a skipped subtree may have declared namespaces or xml:lang.
    if (this.ns.declaredAt(depth)) this.ns.release(depth);
    if (this.hasLang && this.langDepths[this.langDepths.length - 1] === depth) {
      this.langDepths.pop();
      this.langValues.pop();
      this.hasLang = this.langDepths.length > 0;
    }
    this.depth = depth - 1;
  }

  private onText(text: string): void {
    switch (this.modes[this.depth]) {
      case CAPTURE:
        this.captureText(text);
        return;
      case TEXT:
        this.text += text;
        if (this.text.length > this.limits.maxTextLength) throw this.tooLong();
        return;
      case DESCRIPTION:
        this.descText += text;
        if (this.descText.length > this.limits.maxTextLength) throw this.tooLong();
        return;
      case SKIP:
      case PROLOG:
      case EPILOG:
        if (text.length > this.limits.maxTextLength) throw this.tooLong();
        return;
      default:
        if (text.length > this.limits.maxTextLength) throw this.tooLong();
        if (!isXmlSpace(text)) this.diag('UNEXPECTED_TEXT', `text ${quote(text.trim())} where only elements belong was ignored`);
    }
  }

  /** Comments, processing instructions and the DOCTYPE are dropped, but bounded like text. */
  private onIgnored(text: string): void {
    if (text.length > this.limits.maxTextLength) throw this.tooLong();
  }

  private onDoctype(text: string): void {
    this.onIgnored(text);
    this.diag('DOCTYPE', 'the DOCTYPE was ignored (no DTD is processed, no entity is expanded)');
  }

  private onSaxError(err: Error): void {
    const message = xmlReason(err.message.replace(/^\d+:\d+: /, ''));
    if (!this.sawRoot && !this.head.trim().startsWith('<')) this.deferRoot('the body is not XML', '', this.firstChar);
    throw this.fail('XML_SYNTAX', message, true);
  }

  // ---- element handling ------------------------------------------------------------------

  private declarePending(depth: number): void {
    const prefixes = this.pendingPrefixes;
    const uris = this.pendingUris;
    for (let i = 0; i < prefixes.length; i++) {
      const prefix = prefixes[i]!;
      const uri = uris[i]!;
      if (prefix !== '' && uri === '') throw this.fail('XML_SYNTAX', `the prefix ${prefix} may not be undeclared`, true);
      if (prefix === 'xmlns' || (prefix === 'xml' && uri !== 'http://www.w3.org/XML/1998/namespace')) {
        throw this.fail('XML_SYNTAX', `the prefix ${prefix} may not be declared`, true);
      }
      this.ns.declare(prefix, uri, depth);
    }
    prefixes.length = 0;
    uris.length = 0;
  }

  private unbound(prefix: string, name: string): void {
    this.diag('UNBOUND_PREFIX', `the prefix ${prefix} of <${name}> is not declared; read as namespace ${prefix}:`);
  }

  private skip(depth: number): void {
    this.modes[depth] = SKIP;
    this.kinds[depth] = K_SKIPPED;
  }

  private openText(depth: number, target: number): void {
    this.text = '';
    this.textTarget = target;
    this.modes[depth] = TEXT;
    this.kinds[depth] = K_TEXT;
  }

  private openError(depth: number, target: XmlElement[]): void {
    this.errorTarget = target;
    this.modes[depth] = ERROR;
    this.kinds[depth] = K_ERROR;
  }

  private openDescription(depth: number, level: number): void {
    this.descText = '';
    this.descLevel = level;
    this.modes[depth] = DESCRIPTION;
    this.kinds[depth] = K_DESCRIPTION;
  }

  private startResponse(depth: number): void {
    this.hrefs = [];
    this.status = undefined;
    this.propstats = [];
    this.error = undefined;
    this.description = undefined;
    this.location = undefined;
    this.extensions = undefined;
    this.propertyCount = 0;
    this.responseStart = this.sax.position;
    this.modes[depth] = RESPONSE;
    this.kinds[depth] = K_RESPONSE;
  }

  private checkResponseSize(): void {
    if (this.sax.position - this.responseStart > this.limits.maxResponseSize) {
      throw this.limit('maxResponseSize', 'characters of XML in one response');
    }
  }

  private openProperty(name: Name, tag: SaxesTagPlain, hasAttrs: boolean, depth: number): void {
    if (!name.info.keep) return this.skip(depth);
    if (++this.propertyCount > this.limits.maxProperties) throw this.limit('maxProperties', 'properties in one response');
    this.capDecoder = name.info.decoder;
    this.startCapture(name, tag, hasAttrs, depth, C_PROPERTY);
    if (this.hasLang) this.capLang = this.langValues[this.langValues.length - 1];
  }

  private startCapture(name: Name, tag: SaxesTagPlain, hasAttrs: boolean, depth: number, kind: number): void {
    this.capKind = kind;
    this.capDepth = depth;
    this.capName = name.key;
    this.capAttrs = hasAttrs ? this.convertAttributes(tag.attributes) : undefined;
    this.capText = '';
    this.capRoot = undefined;
    this.capLang = undefined;
    this.modes[depth] = CAPTURE;
    this.kinds[depth] = K_CAPTURE_ROOT;
  }

  private openCaptured(name: Name, tag: SaxesTagPlain, hasAttrs: boolean, depth: number): void {
    if (this.capRoot === undefined) this.materialise();
    const node: XmlElement = { name: name.key, attributes: hasAttrs ? this.convertAttributes(tag.attributes) : {}, children: [] };
    const last = this.nodeTop - 1;
    this.nodes[last]!.children.push(node);
    this.nodeFlags[last]! |= HAS_ELEMENT;
    this.nodes[this.nodeTop] = node;
    this.nodeFlags[this.nodeTop++] = 0;
    this.modes[depth] = CAPTURE;
    this.kinds[depth] = K_CAPTURED;
  }

  private materialise(): void {
    const root: XmlElement = { name: this.capName, attributes: this.capAttrs ?? {}, children: [] };
    let flags = 0;
    if (this.capText !== '') {
      root.children.push(this.capText);
      flags = textFlag(this.capText);
    }
    this.capRoot = root;
    this.nodes[0] = root;
    this.nodeFlags[0] = flags;
    this.nodeTop = 1;
  }

  private captureText(text: string): void {
    if (this.capRoot === undefined) {
      const t = this.capText + text;
      this.capText = t;
      if (t.length > this.limits.maxTextLength) throw this.tooLong();
      return;
    }
    const last = this.nodeTop - 1;
    if (appendText(this.nodes[last]!, text) > this.limits.maxTextLength) {
      throw this.tooLong();
    }
    this.nodeFlags[last]! |= textFlag(text);
  }

  private convertAttributes(attrs: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const name in attrs) {
      if (name.startsWith('xmlns') && (name.length === 5 || name.charCodeAt(5) === 58)) continue;
      if (name.indexOf(':') < 0) {
        out[detach(name)] = detach(attrs[name]!);
        continue;
      }
      const a = this.ns.attribute(name);
      if (!a.bound) this.unbound(a.prefix, name);
      out[a.key] = detach(attrs[name]!);
    }
    return out;
  }

  // ---- closing ---------------------------------------------------------------------------

  private finishCapture(): void {
    const root = this.capRoot;
    if (root !== undefined) {
      finishNode(root, this.nodeFlags[0]!);
      this.nodes[0] = undefined;
      this.nodeTop = 0;
    }
    switch (this.capKind) {
      case C_PROPERTY:
        return this.finishProperty(root);
      case C_ERROR:
        this.errorTarget!.push(root ?? this.elementOf());
        return;
      case C_RESPONSE_EXTENSION:
        (this.extensions ??= []).push(root ?? this.elementOf());
        return;
      case C_ROOT_EXTENSION:
        (this.rootExtensions ??= []).push(root ?? this.elementOf());
        return;
    }
  }

  /** The captured element when it had no element children. */
  private elementOf(): XmlElement {
    return { name: this.capName, attributes: this.capAttrs ?? {}, children: this.capText === '' ? [] : [detach(this.capText)] };
  }

  private finishProperty(root: XmlElement | undefined): void {
    const key = this.capName;
    const props = this.psProps;
    if (props[key] !== undefined) this.diag('DUPLICATE_PROPERTY', `the property ${key} appears twice in one propstat; the last one is kept`);
    if (this.capLang !== undefined && this.capLang !== '') (this.psLang ??= {})[key] = this.capLang;
    if (root === undefined && isXmlSpace(this.capText)) {
      // An empty property: only named when its propstat failed. The status may come later.
      const status = this.psStatus;
      if (status === undefined) {
        props[key] = null;
        const i = this.pendingCount++;
        this.pendingKeys[i] = key;
        this.pendingDecoders[i] = this.capDecoder;
        this.pendingTexts[i] = this.capText;
        this.pendingAttrs[i] = this.capAttrs;
        return;
      }
      props[key] = isFailure(status) ? null : this.decodeValue(this.capDecoder, key, this.capText, undefined, this.capAttrs);
      return;
    }
    props[key] = this.decodeValue(this.capDecoder, key, this.capText, root, this.capAttrs);
  }

  /** decodeRaw, with a string result detached from its chunk (the response will keep it). */
  private decodeValue(
    decoder: Decoder | undefined,
    key: string,
    text: string,
    root: XmlElement | undefined,
    attrs: Record<string, string> | undefined,
  ): unknown {
    const value = this.decodeRaw(decoder, key, text, root, attrs);
    return typeof value === 'string' ? detach(value) : value;
  }

  private decodeRaw(
    decoder: Decoder | undefined,
    key: string,
    text: string,
    root: XmlElement | undefined,
    attrs: Record<string, string> | undefined,
  ): unknown {
    if (decoder === undefined) return root ?? (attrs === undefined ? text : element(key, attrs, text));
    if (decoder.custom) {
      const raw = root ?? (attrs === undefined ? text : element(key, attrs, text));
      try {
        return (decoder.decode as (v: string | XmlElement) => unknown)(raw);
      } catch (e) {
        this.diag('BAD_VALUE', `the decoder of ${key} failed (${e instanceof Error ? e.message : String(e)}); the raw value is kept`);
        return raw;
      }
    }
    if (!decoder.element) {
      if (root !== undefined) {
        this.diag('BAD_VALUE', `${key} has element content where text was expected; kept as an element`);
        return root;
      }
      const value = (decoder.decode as (v: string) => unknown)(text);
      if (value === undefined) {
        // An empty element (a propname answer) is kept as "" without a diagnostic.
        if (text === '' || isXmlSpace(text)) return text;
        this.diag('BAD_VALUE', `${key} ${quote(text)} does not parse; the raw text is kept`);
        return text;
      }
      return value;
    }
    const el = root ?? element(key, attrs ?? EMPTY_ATTRS, text);
    const value = (decoder.decode as (v: XmlElement) => unknown)(el);
    if (value === undefined) {
      this.diag('BAD_VALUE', `${key} does not have the expected structure; the raw value is kept`);
      return root ?? (attrs === undefined ? text : el);
    }
    return value;
  }

  private finishText(): void {
    const text = this.text;
    this.text = '';
    switch (this.textTarget) {
      case T_HREF:
        this.hrefs.push(detach(trimXml(text)));
        return;
      case T_RESPONSE_STATUS:
        if (this.status !== undefined) this.diag('DUPLICATE_STATUS', 'a response has two status elements; the last one is kept');
        this.status = this.statusOf(text);
        return;
      case T_PROPSTAT_STATUS:
        this.psStatus = this.statusOf(text);
        return;
      case T_SYNC_TOKEN:
        this.syncToken = detach(trimXml(text));
        return;
      case T_LOCATION_HREF:
        this.location = detach(trimXml(text));
        return;
    }
  }

  private statusOf(text: string): DavStatus {
    // Status lines repeat endlessly ("HTTP/1.1 200 OK"): parse each distinct one once and share
    // the frozen result.
    let status = this.statusCache.get(text);
    if (status === undefined) {
      text = detach(text);
      status = Object.freeze(parseStatus(text));
      if (this.statusCache.size >= 64) this.statusCache.clear();
      this.statusCache.set(text, status);
    }
    if (status.code === null) this.diag('BAD_STATUS', `the status line ${quote(status.line)} has no status code`);
    else if (status.code < 200) this.diag('INFORMATIONAL_STATUS', `the status line ${quote(status.line)} has a 1xx code, which no response should carry`);
    return status;
  }

  private finishDescription(): void {
    const text = detach(trimXml(this.descText));
    this.descText = '';
    switch (this.descLevel) {
      case L_ROOT:
        this.rootDescription = text;
        return;
      case L_RESPONSE:
        this.description = text;
        return;
      case L_PROPSTAT:
        this.psDescription = text;
        return;
    }
  }

  private finishPropstat(): void {
    let status = this.psStatus;
    if (status === undefined) {
      this.diag('MISSING_STATUS', 'a propstat has no status');
      status = MISSING_STATUS;
    }
    const props = this.psProps;
    if (this.pendingCount > 0) {
      if (!isFailure(status)) {
        for (let i = 0; i < this.pendingCount; i++) {
          const key = this.pendingKeys[i]!;
          // A later duplicate with content has replaced the placeholder: last wins.
          if (props[key] !== null) continue;
          props[key] = this.decodeValue(this.pendingDecoders[i], key, this.pendingTexts[i]!, undefined, this.pendingAttrs[i]);
        }
      }
      this.pendingCount = 0;
    }
    const propstat: Propstat = { status, props };
    if (this.psError) propstat.error = this.psError;
    if (this.psDescription !== undefined) propstat.responseDescription = this.psDescription;
    if (this.psLang) propstat.lang = this.psLang;
    this.propstats.push(propstat);
  }

  private finishResponse(): void {
    const hrefs = this.hrefs;
    const propstats = this.propstats;
    if (hrefs.length === 0) this.diag('MISSING_HREF', 'a response has no href');
    if (this.status !== undefined && propstats.length > 0) {
      this.diag('MIXED_RESPONSE', 'a response has both a status and propstats');
    } else if (this.status === undefined && propstats.length === 0) {
      this.diag('EMPTY_RESPONSE', 'a response has neither a status nor a propstat');
    }
    if (hrefs.length > 1 && propstats.length > 0) this.diag('EXTRA_HREF', 'a propstat response has more than one href');
    const href = hrefs.length > 0 ? hrefs[0]! : '';
    const response: DavResponse = { href, hrefs, path: hrefPath(href), propstats, props: mergeProps(propstats, this) };
    const url = href === '' && !this.base ? undefined : resolveHref(href, this.base);
    if (url !== undefined) response.url = url;
    if (this.status !== undefined) {
      response.status = this.status;
      if (this.status.code === 507) this.truncated = true;
    }
    if (this.error) response.error = this.error;
    if (this.description !== undefined) response.responseDescription = this.description;
    if (this.location !== undefined) response.location = this.location;
    if (this.extensions) response.extensions = this.extensions;
    this.responses++;
    this.responseStart = -1;
    try {
      this.onResponse(response);
    } catch (e) {
      this.callbackError = { error: e };
      throw e;
    }
  }

  // ---- diagnostics and errors -------------------------------------------------------------

  /** Records a tolerated quirk; in strict mode it is an error. @internal */
  diag(code: string, message: string): void {
    if (this.strict) throw this.fail('STRICT', `${code}: ${message}`, true);
    this.diagnosticCount++;
    if (this.diagnostics.length >= this.limits.maxDiagnostics) return;
    const d: Diagnostic = { code, message, line: this.line(), column: this.column() };
    if (this.responseStart >= 0 && this.hrefs.length > 0) d.href = this.hrefs[0]!;
    this.diagnostics.push(d);
  }

  private readonly encodingNote = (code: string, message: string): void => {
    this.diag(code, message);
  };

  private tooLong(): MultistatusError {
    return this.limit('maxTextLength', 'characters in one text value');
  }

  private limit(option: keyof Limits, what: string): MultistatusError {
    return this.fail('LIMIT_EXCEEDED', `more than ${this.limits[option]} ${what} (raise limits.${option})`, true);
  }

  /** 1-based line in the body (saxes counts from the declaration when leading whitespace was skipped). */
  private line(): number {
    return this.sax.line + this.leadLines;
  }

  /** 1-based column in the body. */
  private column(): number {
    return this.sax.column + 1 + (this.sax.line === 1 ? this.leadColumns : 0);
  }

  private position(): ErrorPosition {
    const sax = this.sax;
    // Between writes saxes counts the last chunk twice: never past what it was given.
    const pos = Math.min(sax.position, this.fed);
    const offset = this.decoder ? this.decoder.byteOffset(pos - this.chunkStart) : pos + this.leadChars;
    return { line: this.line(), column: this.column(), offset };
  }

  /** Defers NOT_MULTISTATUS until the body shows what it is: stops saxes by throwing DEFER. */
  private deferRoot(problem: string, tagStart: string, at?: ErrorPosition): never {
    this.rootProblem = problem;
    this.rootPosition = at ?? this.position();
    const i = tagStart === '' ? -1 : this.head.indexOf(tagStart);
    this.rootFrom = i < 0 ? 0 : i;
    throw DEFER;
  }

  /** Notes where the first non-space character is, counting the whitespace before it. */
  private findFirstChar(text: string): void {
    for (let k = 0; k < text.length; k++) {
      const c = text.charCodeAt(k);
      if (c === 10 || (c === 13 && text.charCodeAt(k + 1) !== 10)) {
        this.wsLines++;
        this.wsColumns = 0;
      } else if (c === 32 || c === 9 || c === 13 || c === 0xfeff) {
        if (c !== 13) this.wsColumns++;
      } else {
        const offset = this.decoder ? this.decoder.byteOffset(k) : this.wsChars + k;
        this.firstChar = { line: this.wsLines + 1, column: this.wsColumns + 1, offset };
        return;
      }
    }
    this.wsChars += text.length;
  }

  /** Throws the deferred NOT_MULTISTATUS once 80 characters from the root are known (or at the end). */
  private checkRoot(final: boolean): void {
    if (final || this.head.length - this.rootFrom >= 80 || this.head.length >= HEAD_CHARS) throw this.rootFailure();
  }

  private rootFailure(): MultistatusError {
    const got = quote(this.head.slice(this.rootFrom).trim());
    this.failure = new MultistatusError('NOT_MULTISTATUS', `${this.rootProblem!}: got ${got}`, this.rootPosition);
    return this.failure;
  }

  /** ENCODING at the first invalid byte, once the text before it has been parsed. */
  private encodingFailure(bad: InvalidBytes): MultistatusError {
    if (this.rootProblem !== undefined) return this.rootFailure();
    this.failure = new MultistatusError('ENCODING', bad.message, { line: this.line(), column: this.column(), offset: bad.offset });
    return this.failure;
  }

  private fail(code: MultistatusErrorCode, message: string, withPosition: boolean): MultistatusError {
    const error = new MultistatusError(code, message, withPosition ? this.position() : {});
    if (code !== 'USAGE') this.failure = error;
    return error;
  }

  private adopt(e: unknown): MultistatusError {
    if (e instanceof MultistatusError) {
      this.failure ??= e;
      return this.failure;
    }
    const error = new MultistatusError('XML_SYNTAX', e instanceof Error ? e.message : String(e), this.position(), e);
    this.failure = error;
    return error;
  }
}

function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function element(name: string, attributes: Record<string, string>, text: string): XmlElement {
  return { name, attributes, children: text === '' ? [] : [detach(text)] };
}

function quote(s: string): string {
  const one = s.replace(/\s+/g, ' ');
  return JSON.stringify(one.length > 80 ? one.slice(0, 80) + '…' : one);
}

function mergeProps(propstats: Propstat[], parser: MultistatusParser): Props {
  let merged: Props | undefined;
  let shared = true;
  for (let i = 0; i < propstats.length; i++) {
    const ps = propstats[i]!;
    if (!isSuccess(ps.status)) continue;
    if (merged === undefined) {
      merged = ps.props;
      continue;
    }
    if (shared) {
      merged = { ...merged };
      shared = false;
    }
    for (const key in ps.props) {
      if (merged[key] !== undefined) parser.diag('DUPLICATE_PROPERTY', `the property ${key} appears in two successful propstats; the last one is kept`);
      merged[key] = ps.props[key];
    }
  }
  return merged ?? {};
}
