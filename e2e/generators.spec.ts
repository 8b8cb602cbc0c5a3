import { expect, gotoStep, test } from "./helpers";

test("editing the design regenerates every language, and the proto is parsed as it changes", async ({
  page,
  offOrigin,
  context,
}, testInfo) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/wizard?step=proto");
  await page.getByTestId("rpc-name").fill("GetPersonCountSince");

  const request = page.getByTestId("request-fields");
  await request.getByRole("button", { name: "Add field" }).click();
  await request.getByLabel("Field 2 name").fill("created_after_ms");
  const messages = page.getByTestId("snippet-proto-messages");
  await expect(messages).toContainText("int64 created_after_ms = 2;");
  await expect(messages).toContainText("ReadOptions read_options = 3;");
  await expect(page.getByTestId("proto-check")).toHaveAttribute("data-ok", "true");

  await gotoStep(page, "clients");
  await expect(page.getByTestId("snippet-python-client-method")).toContainText(
    "def get_person_count_since(self",
  );
  await expect(page.getByTestId("snippet-node-wrapper")).toContainText("getPersonCountSince(");
  await gotoStep(page, "proto");

  // A JSON payload as a string breaks a convention: the message cites the rule.
  await request.getByLabel("Field 2 name").fill("properties");
  await expect(
    page.locator('[data-testid=design-problems] [data-rule="json-as-bytes"]'),
  ).toBeVisible();
  await expect(page.getByTestId("step-proto")).toHaveAttribute("data-state", "failed");

  // Pasting a message from a checkout replaces the fields, and says what it could not import.
  await request.getByRole("button", { name: "Paste a proto message…" }).click();
  await request
    .getByLabel("Proto message to import")
    .fill(
      "message X { int64 team_id = 1; repeated string distinct_ids = 2; map<string, int64> m = 3; }",
    );
  await request.getByRole("button", { name: "Import fields" }).click();
  await expect(request.getByTestId("paste-messages")).toContainText(
    "m: map fields are not supported",
  );
  await expect(messages).toContainText("repeated string distinct_ids = 2;");

  // Today's code is the default layout; the guide's is one switch away, its era named.
  await expect(page.getByTestId("target")).toHaveValue("current");
  await expect(page.getByTestId("target-label")).toContainText("Current PostHog code");
  await gotoStep(page, "clients");
  await expect(page.getByTestId("snippet-node-wrapper")).toContainText(
    "nodejs/src/common/personhog/persons.ts",
  );
  await page.getByTestId("target").selectOption("guide");
  await expect(page.getByTestId("target-label")).toContainText(
    "As the guide describes, at the router's typed era",
  );
  await expect(page.getByTestId("snippet-target").first()).toHaveText(
    "As the guide describes, at the router's typed era",
  );
  await expect(page.getByTestId("snippet-node-wrapper")).toContainText(
    "nodejs/src/ingestion/personhog/persons.ts",
  );
  const differences = page.getByTestId("layout-differences");
  await expect(differences).toContainText("typed era");
  await differences.getByText("How the two layouts differ").click();
  await expect(differences).toContainText("rust/personhog-router/src/proxy.rs");
  await gotoStep(page, "proto");

  const card = page.getByTestId("snippet-proto-rpc-service");
  await card.getByTestId("copy-button").click();
  await expect(card.getByTestId("copy-button")).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(
    "rpc GetPersonCountSince(",
  );
  await page.screenshot({ path: testInfo.outputPath("generators.png"), fullPage: true });
  expect(offOrigin).toEqual([]);
});
