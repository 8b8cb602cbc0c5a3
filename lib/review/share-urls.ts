/** The two pages a share link opens: the same fragment on the workbench and the review view. */
export interface ShareUrls {
  readonly workbench: string;
  readonly review: string;
}

export function shareUrls(origin: string, fragment: string): ShareUrls {
  return { workbench: `${origin}/wizard${fragment}`, review: `${origin}/review${fragment}` };
}
