/**
 * What a wire parser says about a packet: 0 when it is well formed, else why not. The
 * interface counts refusals per protocol; the reasons help tests and debugging.
 */
export const WIRE_OK = 0;
/** Shorter than its fixed header or than a length field says. */
export const WIRE_TRUNCATED = 1;
/** A field has a value the format does not allow (version, header length, option). */
export const WIRE_MALFORMED = 2;
export const WIRE_CHECKSUM = 3;
/** Well formed, but something this stack does not handle (an IPv4 fragment, ARP for other protocols). */
export const WIRE_UNSUPPORTED = 4;
