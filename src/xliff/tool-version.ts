/** The version written into `<tool tool-version>`; kept in one place so exports stay byte-stable. */
export const TOOL_VERSION = '0.1.0';
