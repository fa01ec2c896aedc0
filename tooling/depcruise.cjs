/** The direction of dependencies, as a check: domain ← db ← api ← apps. */
module.exports = {
  forbidden: [
    {
      name: "domain-is-pure",
      comment: "packages/domain imports only zod (and its own files): no IO, no framework, no database",
      severity: "error",
      from: { path: "^packages/domain/src", pathNot: "\\.test\\.ts$" },
      to: {
        dependencyTypesNot: ["local"],
        pathNot: "^packages/domain/src|node_modules/zod/|node_modules/\\.pnpm/zod@",
      },
    },
    {
      name: "db-never-imports-clients",
      severity: "error",
      from: { path: "^packages/db" },
      to: { path: "^(apps|packages/(api|oparl|bot))/" },
    },
    {
      name: "packages-never-import-apps",
      severity: "error",
      from: { path: "^packages/" },
      to: { path: "^apps/" },
    },
    {
      name: "apps-never-import-each-other",
      comment:
        "the site, the admin app and the server are separate adapters (browser tests may start the server)",
      severity: "error",
      from: { path: "^apps/(site|admin)/", pathNot: "/e2e/" },
      to: { path: "^apps/(api|site|admin)/", pathNot: "^apps/$1/" },
    },
    { name: "no-circular", severity: "error", from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "node_modules|/dist/|\\.data" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.base.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "default"],
      extensions: [".ts", ".tsx", ".js"],
    },
  },
};
