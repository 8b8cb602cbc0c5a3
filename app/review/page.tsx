import type { Metadata } from "next";
import { ReviewView } from "@/components/review/review-view";
import { LabBoot } from "@/components/sql/lab-boot";

export const metadata: Metadata = { title: "Review · personhog RPC workbench" };

/**
 * The design travels in the fragment, which never reaches the server, so the page is static; the
 * reviewer's browser re-checks the SQL, so the lab boots with the page.
 */
export default function ReviewPage() {
  return (
    <>
      <LabBoot />
      <ReviewView />
    </>
  );
}
