import { SegmentedMessage } from "sms-segments-calculator";

/**
 * The longest text the centre sends as one SMS: 6 parts, that is 918 characters of the GSM
 * alphabet (153 each once split) or 402 otherwise (67 each, UCS-2). Each part is paid for and a
 * long text is split across several messages on older phones; 6 parts keep a letter-length text
 * (an appointment, the documents to bring) and bound its price. Providers refuse far longer
 * texts (Twilio: 1600 characters).
 */
export const MAX_SEGMENTS = 6;

export interface SmsLength {
  /** GSM-7 (160 characters in one part, 153 once split) or UCS-2 (70, then 67). */
  encoding: "GSM-7" | "UCS-2";
  segments: number;
  /** Characters as the encoding counts them: `€`, `[`, `{`… take two in GSM-7. */
  characters: number;
  /** The characters that force UCS-2 (e.g. `ç`, `ł`, an emoji). */
  nonGsm: string[];
}

/** How an SMS text travels: its alphabet and how many parts it takes (3GPP TS 23.038 / 23.040). */
export function smsLength(text: string): SmsLength {
  const message = new SegmentedMessage(text);
  return {
    encoding: message.encodingName === "GSM-7" ? "GSM-7" : "UCS-2",
    segments: text.length === 0 ? 0 : message.segmentsCount,
    characters: message.numberOfCharacters,
    nonGsm: [...new Set(message.getNonGsmCharacters())],
  };
}
