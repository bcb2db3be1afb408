/**
 * Segmentation rules in the shape of SRX 2.0 (`<rule break="yes|no"><beforebreak>…
 * <afterbreak>…`), so they can be exchanged with CAT tools. Patterns are
 * JavaScript regular expressions (Unicode mode). Order matters: at each candidate
 * position the first rule that matches decides (SRX 2.0 §2.4).
 */
export interface SegmentationRule {
  /** true: a sentence ends here; false: an exception that keeps the text together. */
  readonly break: boolean;
  /** Must match the text just before the position. Empty = anything. */
  readonly before: string;
  /** Must match the text just after the position. Empty = anything. */
  readonly after: string;
  /** Line of the <rule> in its SRX file, for messages. */
  readonly line?: number;
}

export interface LanguageRules {
  readonly lang: string;
  readonly rules: readonly SegmentationRule[];
  /** The user's SRX file they come from; such rules run under a time budget (`guard.ts`). */
  readonly file?: string;
}
