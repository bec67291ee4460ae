// Pure: used by the browser to open a printed document in the user's office program.

export const OFFICE_PROGRAMS = ["libreoffice", "word"] as const;
export type OfficeProgram = (typeof OFFICE_PROGRAMS)[number];

/**
 * The address that makes the office program open a WebDAV document for editing: LibreOffice's
 * `vnd.libreoffice.command:ofe|u|<url>` or Word's `ms-word:ofe|u|<url>` (Office URI schemes).
 */
export function officeEditLink(program: OfficeProgram, url: string): string {
  return `${program === "word" ? "ms-word" : "vnd.libreoffice.command"}:ofe|u|${url}`;
}
