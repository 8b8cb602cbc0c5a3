import type { Design } from "@/lib/design/model";

/** What a form over part of the design takes: the design, and how to change that part. */
export interface DesignFormProps {
  readonly design: Design;
  readonly update: (change: Partial<Design>) => void;
}
