// Allure 3 configuration: one self-contained HTML file that opens from disk, no server needed.
// `checkout-integrity report` passes the results and report folders; categories.json, written by every
// run into allure-results in Allure 2's format (read as is by Allure 2), groups this report's failures too.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { defineConfig } from "allure";

const results = process.env.CHECKOUT_INTEGRITY_RESULTS ?? "reports/allure-results";
const categoriesFile = join(results, "categories.json");
// Java's (?s) flag means nothing to a JavaScript RegExp, which searches the whole message anyway.
const rules = existsSync(categoriesFile)
  ? JSON.parse(readFileSync(categoriesFile, "utf-8")).map((rule) =>
      rule.messageRegex ? { ...rule, messageRegex: rule.messageRegex.replace(/^\(\?s\)/, "") } : rule,
    )
  : [];

export default defineConfig({
  name: "checkout-integrity: customer promises",
  output: process.env.CHECKOUT_INTEGRITY_REPORT ?? "reports/allure-report",
  // Each report adds its run to the history file beside the reports, so the next one shows what changed.
  historyPath: process.env.CHECKOUT_INTEGRITY_HISTORY ?? "reports/history.jsonl",
  categories: { rules },
  plugins: {
    awesome: {
      options: { singleFile: true, reportLanguage: "en", groupBy: ["feature"] },
    },
  },
});
