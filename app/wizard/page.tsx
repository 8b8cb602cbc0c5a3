import type { Metadata } from "next";
import { Workbench } from "@/components/wizard/workbench";

export const metadata: Metadata = { title: "Workbench · personhog RPC workbench" };

export default function WizardPage() {
  return (
    <>
      <h1 className="mb-6 text-2xl font-bold">Workbench</h1>
      <Workbench />
    </>
  );
}
