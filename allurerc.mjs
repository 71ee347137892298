// Allure 3 configuration: one self-contained HTML file that opens from disk, no server needed.
import { defineConfig } from "allure";

export default defineConfig({
  name: "checkout-integrity: customer promises",
  output: "reports/allure-report",
  plugins: {
    awesome: {
      options: { singleFile: true, reportLanguage: "en", groupBy: ["epic", "feature", "story"] },
    },
  },
});
