/**
 * Property maps: what `props` holds. Every key is optional, because any server may leave any
 * property out; a key that is there has exactly the type its decoder gives.
 */
import type { BuiltinProps } from './builtin.js';
import type { XmlElement } from './xml.js';

/**
 * The value of a property that no decoder types (or of any property with `typed: false`): its
 * text exactly as sent when it has only text, else its element.
 */
export type UntypedValue = string | XmlElement;

/** Properties no decoder types: any key, `string | XmlElement`. */
export interface UntypedProps {
  [key: string]: UntypedValue;
}

/**
 * The default property map of a response: every built-in key, optional, with its type; any other
 * key as sent. A key the server did not send is absent, so read values with `?.`, `??` or a check.
 *
 * @example
 * const size: number = r.props.getcontentlength ?? 0;
 * const modified = r.props.getlastmodified?.toISOString(); // string | undefined
 * const color = r.props['{http://apple.com/ns/ical/}calendar-color']; // string | undefined
 * const other = r.props['{http://example.com/ns}x']; // string | XmlElement (| undefined with noUncheckedIndexedAccess)
 */
export type Props = Partial<BuiltinProps> & UntypedProps;

/**
 * The property map of one `propstat`: like the response's, plus `null` for a property only named
 * in a non-2xx propstat.
 */
export type PropstatProps<P extends object = Props> = { [K in keyof P]: P[K] | null };
