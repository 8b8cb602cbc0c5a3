import { LAB_BOOT_SCRIPT } from "@/workers/lab-boot-script";

/**
 * For pages with the SQL lab (server-rendered): starts the database worker from the HTML, before
 * the page's own scripts load (see lab-boot-script.ts).
 */
export function LabBoot() {
  return <script dangerouslySetInnerHTML={{ __html: LAB_BOOT_SCRIPT }} />;
}
