import { Link, PageTitle } from "../components/ui.tsx";
import { t } from "../i18n.ts";

export function NotFound() {
  return (
    <>
      <PageTitle text={t("notFoundTitle")}>{t("notFoundTitle")}</PageTitle>
      <p>{t("notFoundText")}</p>
      <p>
        <Link to="/">{t("toDashboard")}</Link>
      </p>
    </>
  );
}

export function NoAccess() {
  return (
    <>
      <PageTitle text={t("noAccessTitle")}>{t("noAccessTitle")}</PageTitle>
      <div class="alert alert-warning">
        <p>{t("noAccessCouncil")}</p>
      </div>
      <p>
        <Link to="/">{t("toDashboard")}</Link>
      </p>
    </>
  );
}
