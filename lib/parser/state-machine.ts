import { isXmlSpace } from '../status.js';
import type { XmlElement } from '../types.js';
import type { Capture } from './capture.js';
import {
  E_DESCRIPTION, E_ERROR, E_HREF, E_LOCATION, E_MULTISTATUS, E_PROP, E_PROPSTAT, E_RESPONSE, E_STATUS, E_SYNC_TOKEN,
} from './elements.js';
import type { Name } from './elements.js';
import type { Prolog } from './prolog.js';
import { quote } from './report.js';
import type { Report } from './report.js';
import {
  C_ERROR, C_PROPERTY, C_RESPONSE_EXTENSION, C_ROOT_EXTENSION, L_PROPSTAT, L_RESPONSE, L_ROOT, T_HREF, T_LOCATION_HREF,
  T_PROPSTAT_STATUS, T_RESPONSE_STATUS, T_SYNC_TOKEN,
} from './response-builder.js';
import type { ResponseBuilder } from './response-builder.js';
import type { TokenEvents } from '../tokenizer/events.js';
import type { ElementScope } from './scope.js';

// What the parser is inside of (the "interior mode" of an open element): decides what a child
// element and text do.
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

/**
 * The state machine: takes the tokenizer's events, keeps a stack of (mode, kind) per open element, and
 * routes each start tag, end tag and text to the part that deals with it: the scope (names,
 * namespaces, xml:lang), the capture (property values and other subtrees), the response builder
 * (everything else), the prolog (the root element).
 */
export class StateMachine implements TokenEvents {
  /** The root element has closed. */
  closedRoot = false;
  private depth = 0;
  private readonly modes: number[] = [PROLOG];
  private readonly kinds: number[] = [0];
  private readonly maxDepth: number;
  private readonly maxText: number;

  constructor(
    private readonly report: Report,
    private readonly prolog: Prolog,
    private readonly scope: ElementScope,
    private readonly capture: Capture,
    private readonly builder: ResponseBuilder,
  ) {
    this.maxDepth = report.limits.maxDepth;
    this.maxText = report.limits.maxTextLength;
  }

  onAttribute(name: string, value: string): void {
    this.scope.attribute(name, value);
  }

  onOpen(tagName: string): void {
    const depth = ++this.depth;
    if (depth > this.maxDepth) throw this.report.limit('maxDepth', 'element nesting depth');
    const hasAttrs = this.scope.begin();
    const parentMode = this.modes[depth - 1]!;
    if (parentMode === SKIP) {
      this.scope.discard();
      this.modes[depth] = SKIP;
      this.kinds[depth] = K_SKIPPED;
      return;
    }
    const name = this.scope.enter(tagName, depth);
    const code = name.info.code;
    const builder = this.builder;
    if (builder.responseStart >= 0) builder.checkResponseSize();

    switch (parentMode) {
      case CAPTURE:
        this.capture.openChild(name.key, hasAttrs ? this.scope.attributes() : {});
        this.modes[depth] = CAPTURE;
        this.kinds[depth] = K_CAPTURED;
        return;
      case PROP:
        return this.openProperty(name, hasAttrs, depth);
      case RESPONSE:
        switch (code) {
          case E_HREF:
            return this.openText(depth, T_HREF);
          case E_PROPSTAT:
            builder.startPropstat();
            this.modes[depth] = PROPSTAT;
            this.kinds[depth] = K_PROPSTAT;
            return;
          case E_STATUS:
            return this.openText(depth, T_RESPONSE_STATUS);
          case E_ERROR:
            return this.openError(depth, builder.errorsOf(L_RESPONSE)!);
          case E_DESCRIPTION:
            return this.openDescription(depth, L_RESPONSE);
          case E_LOCATION:
            this.modes[depth] = LOCATION;
            this.kinds[depth] = K_LOCATION;
            return;
        }
        return this.startCapture(name, hasAttrs, depth, C_RESPONSE_EXTENSION);
      case PROPSTAT:
        switch (code) {
          case E_PROP:
            this.modes[depth] = PROP;
            this.kinds[depth] = K_PROP;
            return;
          case E_STATUS:
            return this.openText(depth, T_PROPSTAT_STATUS);
          case E_ERROR:
            return this.openError(depth, builder.errorsOf(L_PROPSTAT)!);
          case E_DESCRIPTION:
            return this.openDescription(depth, L_PROPSTAT);
        }
        return this.skip(depth);
      case ROOT:
        switch (code) {
          case E_RESPONSE:
            builder.startResponse();
            this.modes[depth] = RESPONSE;
            this.kinds[depth] = K_RESPONSE;
            return;
          case E_SYNC_TOKEN:
            return this.openText(depth, T_SYNC_TOKEN);
          case E_DESCRIPTION:
            return this.openDescription(depth, L_ROOT);
        }
        return this.startCapture(name, hasAttrs, depth, C_ROOT_EXTENSION);
      case ERROR:
        return this.startCapture(name, hasAttrs, depth, C_ERROR);
      case LOCATION:
        if (code === E_HREF) return this.openText(depth, T_LOCATION_HREF);
        return this.skip(depth);
      case DESCRIPTION:
        if (code === E_ERROR) {
          const target = builder.errorsOf(builder.descriptionLevel);
          if (target) return this.openError(depth, target);
        }
        return this.skip(depth);
      case TEXT:
        this.report.diag('UNEXPECTED_ELEMENT', `<${tagName}> inside a text element was skipped`);
        return this.skip(depth);
      case PROLOG:
        this.prolog.seeRoot();
        if (code !== E_MULTISTATUS) {
          const what = name.uri === '' ? `<${tagName}>` : `<${tagName}> in namespace ${name.uri}`;
          return this.prolog.deferRoot(`the root element is ${what}, not {DAV:}multistatus`, `<${tagName}`);
        }
        this.modes[depth] = ROOT;
        this.kinds[depth] = K_ROOT;
        return;
      default:
        return this.skip(depth);
    }
  }

  onClose(): void {
    const depth = this.depth;
    const kind = this.kinds[depth]!;
    if (kind !== K_SKIPPED) {
      switch (kind) {
        case K_CAPTURED:
          this.capture.closeChild();
          break;
        case K_CAPTURE_ROOT:
          this.builder.finishCapture(this.capture);
          break;
        case K_TEXT:
          this.builder.finishText();
          break;
        case K_PROPSTAT:
          this.builder.finishPropstat();
          break;
        case K_RESPONSE:
          this.builder.checkResponseSize();
          this.builder.finishResponse();
          break;
        case K_DESCRIPTION:
          this.builder.finishDescription();
          break;
        case K_ROOT:
          this.closedRoot = true;
          this.modes[0] = EPILOG;
          break;
      }
    }
    // Skipped or not: the root of a skipped subtree may have declared namespaces or xml:lang.
    this.scope.leave(depth);
    this.depth = depth - 1;
  }

  onText(text: string): void {
    switch (this.modes[this.depth]) {
      case CAPTURE:
        this.capture.addText(text);
        return;
      case TEXT:
        this.builder.addText(text);
        return;
      case DESCRIPTION:
        this.builder.addDescription(text);
        return;
      case SKIP:
      case PROLOG:
      case EPILOG:
        if (text.length > this.maxText) throw this.report.tooLong();
        return;
      default:
        if (text.length > this.maxText) throw this.report.tooLong();
        if (!isXmlSpace(text)) this.report.diag('UNEXPECTED_TEXT', `text ${quote(text.trim())} where only elements belong was ignored`);
    }
  }

  onDoctype(): void {
    this.report.diag('DOCTYPE', 'the DOCTYPE was ignored (no DTD is processed, no entity is expanded)');
  }

  onDiagnostic(code: string, message: string): void {
    this.report.diag(code, message);
  }

  onError(message: string): never {
    return this.prolog.syntaxError(message);
  }

  onTooLong(): never {
    throw this.report.tooLong();
  }

  // ---- opening -------------------------------------------------------------------------------

  private skip(depth: number): void {
    this.modes[depth] = SKIP;
    this.kinds[depth] = K_SKIPPED;
  }

  private openText(depth: number, target: number): void {
    this.builder.openText(target);
    this.modes[depth] = TEXT;
    this.kinds[depth] = K_TEXT;
  }

  private openError(depth: number, target: XmlElement[]): void {
    this.builder.openError(target);
    this.modes[depth] = ERROR;
    this.kinds[depth] = K_ERROR;
  }

  private openDescription(depth: number, level: number): void {
    this.builder.openDescription(level);
    this.modes[depth] = DESCRIPTION;
    this.kinds[depth] = K_DESCRIPTION;
  }

  private openProperty(name: Name, hasAttrs: boolean, depth: number): void {
    if (!name.info.keep) return this.skip(depth);
    this.builder.countProperty();
    this.capture.decoder = name.info.decoder;
    this.startCapture(name, hasAttrs, depth, C_PROPERTY);
    this.capture.lang = this.scope.lang();
  }

  private startCapture(name: Name, hasAttrs: boolean, depth: number, kind: number): void {
    this.capture.start(kind, name.key, hasAttrs ? this.scope.attributes() : undefined);
    this.modes[depth] = CAPTURE;
    this.kinds[depth] = K_CAPTURE_ROOT;
  }
}
