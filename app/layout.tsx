import type { Metadata } from "next";
import Link from "next/link";
import { ThemeToggle } from "@/components/ui/theme-toggle";
import { THEME_BOOT_SCRIPT } from "@/lib/theme";
import "./globals.css";

export const metadata: Metadata = {
  title: "personhog RPC workbench",
  description:
    "Add a personhog RPC: eligibility, SQL checked against the real schema, generated code.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_BOOT_SCRIPT }} />
      </head>
      <body className="min-h-screen bg-white text-slate-900 dark:bg-slate-950 dark:text-slate-100">
        <header className="border-b border-slate-200 dark:border-slate-800">
          <nav className="mx-auto flex max-w-6xl gap-6 px-4 py-3 text-sm">
            <Link href="/" className="font-semibold">
              personhog RPC workbench
            </Link>
            <Link href="/guide">Guide</Link>
            {/* No prefetch: the workbench's scripts are large and wanted only once someone goes there. */}
            <Link href="/wizard" prefetch={false}>
              Workbench
            </Link>
            <span className="ml-auto">
              <ThemeToggle />
            </span>
          </nav>
        </header>
        <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
      </body>
    </html>
  );
}
