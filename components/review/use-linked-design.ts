"use client";
import { useEffect, useState } from "react";
import { decodeDesignLink, encodeDesignLink, type DecodedLink } from "@/lib/link";

/**
 * The design in the page's fragment, decoded on load and again whenever the fragment changes, and
 * the fragment the page's own links use: encoded afresh from the design as read (omissions kept),
 * so nothing else the received link carried reaches a copied link or the PR description.
 */
export function useLinkedDesign(): { decoded: DecodedLink | null; fragment: string } {
  const [state, setState] = useState<{ decoded: DecodedLink | null; fragment: string }>({
    decoded: null,
    fragment: "",
  });
  useEffect(() => {
    let latest = 0;
    const read = async () => {
      const ticket = ++latest;
      const decoded = await decodeDesignLink(window.location.hash);
      const fragment = decoded.design
        ? await encodeDesignLink(decoded.design, { omit: decoded.omitted })
        : "";
      if (ticket === latest) setState({ decoded, fragment });
    };
    void read();
    const onChange = () => void read();
    window.addEventListener("hashchange", onChange);
    return () => window.removeEventListener("hashchange", onChange);
  }, []);
  return state;
}
