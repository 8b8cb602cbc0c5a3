"use client";
import { useEffect, useState } from "react";
import { decodeDesignLink, type DecodedLink } from "@/lib/link";

/** The design in the page's fragment, decoded on load and again whenever the fragment changes. */
export function useLinkedDesign(): { decoded: DecodedLink | null; fragment: string } {
  const [state, setState] = useState<{ decoded: DecodedLink | null; fragment: string }>({
    decoded: null,
    fragment: "",
  });
  useEffect(() => {
    let latest = 0;
    const read = () => {
      const fragment = window.location.hash;
      const ticket = ++latest;
      void decodeDesignLink(fragment).then((decoded) => {
        if (ticket === latest) setState({ decoded, fragment });
      });
    };
    read();
    window.addEventListener("hashchange", read);
    return () => window.removeEventListener("hashchange", read);
  }, []);
  return state;
}
