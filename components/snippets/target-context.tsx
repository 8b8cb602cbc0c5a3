"use client";
import { createContext, useContext } from "react";
import type { Target } from "@/lib/design/model";

/** Which code layout the snippets were generated for, so every card can say so. */
export const TargetContext = createContext<Target>("current");

export function useTarget(): Target {
  return useContext(TargetContext);
}
