export { createSite, type SiteDeps } from "./app.tsx";
