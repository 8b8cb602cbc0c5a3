/** The two pages a share link opens: the same fragment on the workbench and the review view. */
/** Where `npm start` serves the app (the README's run command): the CLI's default origin. */
export const LOCAL_ORIGIN = "http://localhost:3000";

export interface ShareUrls {
  readonly workbench: string;
  readonly review: string;
}

export function shareUrls(origin: string, fragment: string): ShareUrls {
  return { workbench: `${origin}/wizard${fragment}`, review: `${origin}/review${fragment}` };
}
