import { hrefPath, resolveHref } from '../href.js';
import type { Decoder } from '../properties/registry.js';
import { MISSING_STATUS, isFailure, isSuccess, isXmlSpace, trimXml } from '../status.js';
import { detach } from '../strings.js';
import type { DavStatus, XmlElement } from '../types.js';
import type { DavResponse, Propstat, Props } from './model.js';
import type { Capture } from './capture.js';
import type { Report } from './report.js';
import type { TokenInput } from './input.js';
import { PropertyValues } from './property-values.js';
import { StatusLines } from './status-lines.js';

// Targets of a text element.
export const T_HREF = 1;
export const T_RESPONSE_STATUS = 2;
export const T_PROPSTAT_STATUS = 3;
export const T_SYNC_TOKEN = 4;
export const T_LOCATION_HREF = 5;

// Targets of a captured subtree.
export const C_PROPERTY = 1;
export const C_ERROR = 2;
export const C_RESPONSE_EXTENSION = 3;
export const C_ROOT_EXTENSION = 4;

// Levels of a responsedescription.
export const L_ROOT = 1;
export const L_RESPONSE = 2;
export const L_PROPSTAT = 3;

/**
 * Owns the response and the propstat being built, and what the document says beside its
 * responses (sync-token, description, extensions): takes the text of structural elements and the
 * captured property values, decodes them, and finishes each response into a `DavResponse` handed
 * to `onResponse`.
 */
export class ResponseBuilder {
  // Document level.
  responses = 0;
  syncToken: string | undefined = undefined;
  rootDescription: string | undefined = undefined;
  truncated = false;
  rootExtensions: XmlElement[] | undefined = undefined;

  // Text of a text element (href, status, sync-token, location href).
  private text = '';
  private textTarget = 0;
  // responsedescription being read.
  private descText = '';
  private descLevel = 0;

  // Response being built.
  private hrefs: string[] = [];
  private status: DavStatus | undefined = undefined;
  private propstats: Propstat[] = [];
  private error: XmlElement[] | undefined = undefined;
  private description: string | undefined = undefined;
  private location: string | undefined = undefined;
  private extensions: XmlElement[] | undefined = undefined;
  private propertyCount = 0;
  /** saxes' position at the response's start tag; -1 outside a response. */
  responseStart = -1;
  private errorTarget: XmlElement[] | undefined = undefined;

  // Propstat being built.
  private psProps: Props = {};
  private psStatus: DavStatus | undefined = undefined;
  private psError: XmlElement[] | undefined = undefined;
  private psDescription: string | undefined = undefined;
  private psLang: Record<string, string> | undefined = undefined;
  // Empty properties whose value waits for the propstat's status.
  private pendingCount = 0;
  private readonly pendingKeys: string[] = [];
  private readonly pendingTexts: string[] = [];
  private readonly pendingAttrs: (Record<string, string> | undefined)[] = [];
  private readonly pendingDecoders: (Decoder | undefined)[] = [];

  private readonly statusLines: StatusLines;
  readonly values: PropertyValues;
  private readonly maxText: number;
  private readonly maxResponseSize: number;
  private readonly maxProperties: number;

  constructor(
    private readonly input: TokenInput,
    private readonly report: Report,
    private readonly onResponse: (response: DavResponse) => void,
    private readonly base: URL | undefined,
  ) {
    this.maxText = report.limits.maxTextLength;
    this.maxResponseSize = report.limits.maxResponseSize;
    this.maxProperties = report.limits.maxProperties;
    this.statusLines = new StatusLines(report);
    this.values = new PropertyValues(report);
  }

  // ---- starting ----------------------------------------------------------------------------

  startResponse(): void {
    this.hrefs = [];
    this.status = undefined;
    this.propstats = [];
    this.error = undefined;
    this.description = undefined;
    this.location = undefined;
    this.extensions = undefined;
    this.propertyCount = 0;
    this.responseStart = this.input.position;
    this.report.href = undefined;
  }

  /** LIMIT_EXCEEDED once the response being read is longer than limits.maxResponseSize. */
  checkResponseSize(): void {
    if (this.input.position - this.responseStart > this.maxResponseSize) {
      throw this.report.limit('maxResponseSize', 'characters of XML in one response');
    }
  }

  startPropstat(): void {
    this.psProps = {};
    this.psStatus = undefined;
    this.psError = undefined;
    this.psDescription = undefined;
    this.psLang = undefined;
    this.values.raw = undefined;
  }

  /** One more property in the response (bounded by limits.maxProperties). */
  countProperty(): void {
    if (++this.propertyCount > this.maxProperties) throw this.report.limit('maxProperties', 'properties in one response');
  }

  /** Where the conditions of an `error` element go: the response's, the propstat's, or (inside a root description) none. */
  errorsOf(level: number): XmlElement[] | undefined {
    switch (level) {
      case L_RESPONSE:
        return (this.error ??= []);
      case L_PROPSTAT:
        return (this.psError ??= []);
    }
    return undefined;
  }

  /** The `error` element about to be read collects its conditions into `target`. */
  openError(target: XmlElement[]): void {
    this.errorTarget = target;
  }

  /** The level of the responsedescription being read (an `error` inside it belongs to that level). */
  get descriptionLevel(): number {
    return this.descLevel;
  }

  // ---- text of structural elements ---------------------------------------------------------

  openText(target: number): void {
    this.text = '';
    this.textTarget = target;
  }

  addText(text: string): void {
    this.text += text;
    if (this.text.length > this.maxText) throw this.report.tooLong();
  }

  finishText(): void {
    const text = this.text;
    this.text = '';
    switch (this.textTarget) {
      case T_HREF: {
        const href = detach(trimXml(text));
        this.hrefs.push(href);
        if (this.hrefs.length === 1) this.report.href = href;
        checkHref(href, this.report);
        return;
      }
      case T_RESPONSE_STATUS:
        if (this.status !== undefined) this.report.diag('DUPLICATE_STATUS', 'a response has two status elements; the last one is kept');
        this.status = this.statusLines.of(text);
        return;
      case T_PROPSTAT_STATUS:
        this.psStatus = this.statusLines.of(text);
        return;
      case T_SYNC_TOKEN:
        this.syncToken = detach(trimXml(text));
        return;
      case T_LOCATION_HREF:
        this.location = detach(trimXml(text));
        return;
    }
  }

  openDescription(level: number): void {
    this.descText = '';
    this.descLevel = level;
  }

  addDescription(text: string): void {
    this.descText += text;
    if (this.descText.length > this.maxText) throw this.report.tooLong();
  }

  finishDescription(): void {
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

  // ---- captured subtrees and property values -----------------------------------------------

  /** A captured subtree has closed: a property value, an error condition or an extension element. */
  finishCapture(capture: Capture): void {
    const root = capture.finish();
    switch (capture.kind) {
      case C_PROPERTY:
        return this.finishProperty(capture, root);
      case C_ERROR:
        this.errorTarget!.push(root ?? capture.element());
        return;
      case C_RESPONSE_EXTENSION:
        (this.extensions ??= []).push(root ?? capture.element());
        return;
      case C_ROOT_EXTENSION:
        (this.rootExtensions ??= []).push(root ?? capture.element());
        return;
    }
  }

  private finishProperty(capture: Capture, root: XmlElement | undefined): void {
    const key = capture.name;
    const props = this.psProps;
    if (props[key] !== undefined) this.report.diag('DUPLICATE_PROPERTY', `the property ${key} appears twice in one propstat; the last one is kept`);
    if (capture.lang !== undefined && capture.lang !== '') (this.psLang ??= {})[key] = capture.lang;
    if (root === undefined && isXmlSpace(capture.text)) {
      // An empty property: only named when its propstat failed. Its value waits for the end of
      // the propstat, whose status (the last one, if it has two) is known only then.
      props[key] = null;
      const i = this.pendingCount++;
      this.pendingKeys[i] = key;
      this.pendingDecoders[i] = capture.decoder;
      this.pendingTexts[i] = capture.text;
      this.pendingAttrs[i] = capture.attrs;
      return;
    }
    this.values.set(props, capture.decoder, key, capture.text, root, capture.attrs);
  }

  // ---- finishing -----------------------------------------------------------------------------

  finishPropstat(): void {
    let status = this.psStatus;
    if (status === undefined) {
      this.report.diag('MISSING_STATUS', 'a propstat has no status');
      status = MISSING_STATUS;
    }
    const props = this.psProps;
    if (this.pendingCount > 0) {
      if (!isFailure(status)) {
        for (let i = 0; i < this.pendingCount; i++) {
          const key = this.pendingKeys[i]!;
          // A later duplicate with content has replaced the placeholder: last wins.
          if (props[key] !== null) continue;
          this.values.set(props, this.pendingDecoders[i], key, this.pendingTexts[i]!, undefined, this.pendingAttrs[i]);
        }
      }
      this.pendingCount = 0;
    }
    const propstat: Propstat = { status, props };
    const raw = this.values.raw;
    if (raw) propstat.raw = raw;
    if (this.psError) propstat.error = this.psError;
    if (this.psDescription !== undefined) propstat.responseDescription = this.psDescription;
    if (this.psLang) propstat.lang = this.psLang;
    this.propstats.push(propstat);
  }

  finishResponse(): void {
    const report = this.report;
    const hrefs = this.hrefs;
    const propstats = this.propstats;
    if (hrefs.length === 0) report.diag('MISSING_HREF', 'a response has no href');
    if (this.status !== undefined && propstats.length > 0) {
      report.diag('MIXED_RESPONSE', 'a response has both a status and propstats');
    } else if (this.status === undefined && propstats.length === 0) {
      report.diag('EMPTY_RESPONSE', 'a response has neither a status nor a propstat');
    }
    if (hrefs.length > 1 && propstats.length > 0) report.diag('EXTRA_HREF', 'a propstat response has more than one href');
    const href = hrefs.length > 0 ? hrefs[0]! : '';
    const response: DavResponse = { href, hrefs, path: hrefPath(href), propstats, props: this.mergeProps(propstats) };
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
    report.href = undefined;
    try {
      this.onResponse(response);
    } catch (e) {
      report.callbackError = { error: e };
      throw e;
    }
  }

  /** The merged view of every 2xx propstat (shared with the propstat when there is only one). */
  private mergeProps(propstats: Propstat[]): Props {
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
        if (merged[key] !== undefined) this.report.diag('DUPLICATE_PROPERTY', `the property ${key} appears in two successful propstats; the last one is kept`);
        merged[key] = ps.props[key];
      }
    }
    return merged ?? {};
  }
}

/**
 * An empty href, or one with a raw `#` or `?` (a name the server did not percent-encode: the path
 * would end before it), gets a diagnostic where the href ends.
 */
function checkHref(href: string, report: Report): void {
  if (href === '') report.diag('EMPTY_HREF', 'an empty href', true);
  else if (href.includes('#')) report.diag('UNENCODED_HREF', 'a raw "#" in the href (a name the server did not percent-encode?): the path ends before it', true);
  else if (href.includes('?')) report.diag('UNENCODED_HREF', 'a raw "?" in the href (a name the server did not percent-encode?): the path ends before it', true);
}
