import path from "node:path";
import { projectPath } from "@/lib/project-path";
import { env } from "@/server/env";
import { localStorage, type UploadStorage } from "@/server/uploads/storage";

let configured: { root: string; storage: UploadStorage } | undefined;

/**
 * Where printed documents are kept: the uploads' storage interface, in a folder of its own beside
 * the centres' upload folders (`<UPLOADS_DIR>/printed/<centre id>/…`), so that the uploads' orphan
 * checker never takes a printed document for a lost scan.
 */
export function documentStorage(): UploadStorage {
  const root = path.join(projectPath(env().UPLOADS_DIR), "printed");
  if (configured?.root !== root) configured = { root, storage: localStorage(root) };
  return configured.storage;
}
