import type { Metadata } from "next";
import { LabBoot } from "@/components/sql/lab-boot";
import { Workbench } from "@/components/wizard/workbench";
import { shippedExamples } from "../content-files";

export const metadata: Metadata = { title: "Workbench · personhog RPC workbench" };

export default async function WizardPage() {
  return (
    <>
      <LabBoot />
      <h1 className="mb-6 text-2xl font-bold">Workbench</h1>
      <Workbench examples={await shippedExamples()} />
    </>
  );
}
