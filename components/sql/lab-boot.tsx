import { preload } from "react-dom";
import { LAB_BOOT_SCRIPT } from "@/workers/lab-boot-script";
import { SNAPSHOT_URL } from "@/workers/lab-protocol";

/**
 * For pages with the SQL lab (server-rendered): preloads the schema snapshot and starts the
 * database worker from the HTML, before the page's own scripts load (see lab-boot-script.ts).
 */
export function LabBoot() {
  preload(SNAPSHOT_URL, { as: "fetch", crossOrigin: "anonymous" });
  return <script dangerouslySetInnerHTML={{ __html: LAB_BOOT_SCRIPT }} />;
}
