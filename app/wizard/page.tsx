import type { Metadata } from "next";
import { preload } from "react-dom";
import { Workbench } from "@/components/wizard/workbench";
import { LAB_BOOT_SCRIPT } from "@/workers/lab-boot-script";
import { SNAPSHOT_URL } from "@/workers/lab-protocol";

export const metadata: Metadata = { title: "Workbench · personhog RPC workbench" };

export default function WizardPage() {
  // The database snapshot downloads while the page's scripts load; the worker's fetch revalidates it.
  preload(SNAPSHOT_URL, { as: "fetch", crossOrigin: "anonymous" });
  return (
    <>
      {/* Starts the database worker before the page's scripts load (see lab-boot-script.ts). */}
      <script dangerouslySetInnerHTML={{ __html: LAB_BOOT_SCRIPT }} />
      <h1 className="mb-6 text-2xl font-bold">Workbench</h1>
      <Workbench />
    </>
  );
}
