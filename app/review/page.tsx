import type { Metadata } from "next";
import { preload } from "react-dom";
import { ReviewView } from "@/components/review/review-view";
import { LAB_BOOT_SCRIPT } from "@/workers/lab-boot-script";
import { SNAPSHOT_URL } from "@/workers/lab-protocol";

export const metadata: Metadata = { title: "Review · personhog RPC workbench" };

/** The design travels in the fragment, which never reaches the server: the page is static. */
export default function ReviewPage() {
  // The reviewer's browser re-checks the SQL, so the database snapshot loads with the page.
  preload(SNAPSHOT_URL, { as: "fetch", crossOrigin: "anonymous" });
  return (
    <>
      {/* Starts the database worker before the page's scripts load (see lab-boot-script.ts). */}
      <script dangerouslySetInnerHTML={{ __html: LAB_BOOT_SCRIPT }} />
      <ReviewView />
    </>
  );
}
