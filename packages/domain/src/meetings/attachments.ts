import { formatFileSize } from "../shared/format.ts";
import { fail, ok, type Result } from "../shared/result.ts";

/** Office and PDF documents only: bilag are read by citizens and members, not run. */
export const attachmentLimits = {
  maxBytes: 20 * 1024 * 1024,
  mimeTypes: [
    "application/pdf",
    "application/msword",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.ms-excel",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.ms-powerpoint",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.spreadsheet",
    "text/plain",
  ],
} as const;

export type AttachmentMimeType = (typeof attachmentLimits.mimeTypes)[number];
export type AttachmentCandidate = { fileName: string; mimeType: string; size: number };
export type CheckedAttachment = { fileName: string; mimeType: AttachmentMimeType; size: number };

function isAllowedType(mimeType: string): mimeType is AttachmentMimeType {
  return (attachmentLimits.mimeTypes as readonly string[]).includes(mimeType);
}

export function checkAttachment(file: AttachmentCandidate): Result<CheckedAttachment> {
  const fileName = file.fileName.trim();
  if (fileName === "" || fileName.length > 255 || /[/\\]/.test(fileName)) {
    return fail("attachment.invalid_name", "Filnavnet er ugyldigt", "The file name is invalid");
  }
  const mimeType = file.mimeType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (!isAllowedType(mimeType)) {
    return fail(
      "attachment.type_not_allowed",
      "Bilag skal være PDF, Word, Excel, PowerPoint, OpenDocument eller ren tekst",
      "Attachments must be PDF, Word, Excel, PowerPoint, OpenDocument or plain text",
    );
  }
  if (file.size <= 0) {
    return fail("attachment.empty", "Filen er tom", "The file is empty");
  }
  if (file.size > attachmentLimits.maxBytes) {
    return fail(
      "attachment.too_large",
      `Filen fylder ${formatFileSize(file.size, "da")}; bilag må højst fylde ${formatFileSize(attachmentLimits.maxBytes, "da")}`,
      `The file is ${formatFileSize(file.size, "en")}; attachments may be at most ${formatFileSize(attachmentLimits.maxBytes, "en")}`,
    );
  }
  return ok({ fileName, mimeType, size: file.size });
}
