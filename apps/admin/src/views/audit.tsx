import { createResource, For, Show } from "solid-js";
import { api } from "../api.ts";
import { LoadFailed, Loading, PageTitle } from "../components/ui.tsx";
import { dateTimeText } from "../format.ts";
import { t } from "../i18n.ts";
import { me } from "../session.ts";

export default function AuditView() {
  const municipality = () => me()?.municipalities.find((m) => m.canAdminister) ?? null;
  const [entries] = createResource(
    () => municipality()?.id,
    (municipalityId) => api.audit.list.query({ municipalityId, limit: 200 }),
  );
  return (
    <>
      <PageTitle text={t("auditTitle")}>{t("auditTitle")}</PageTitle>
      <Show when={municipality()} fallback={<p class="alert alert-warning">{t("onlyAdmins")}</p>}>
        {(m) => (
          <>
            <p>
              {t("auditIntro")} ({m().name})
            </p>
            <Show when={!entries.error} fallback={<LoadFailed error={entries.error} />}>
              <Show when={entries()} fallback={<Loading />}>
                {(list) => (
                  <Show when={list().length > 0} fallback={<p>{t("noAudit")}</p>}>
                    <table class="table">
                      <thead>
                        <tr>
                          <th scope="col">{t("when")}</th>
                          <th scope="col">{t("who")}</th>
                          <th scope="col">{t("what")}</th>
                          <th scope="col">{t("entity")}</th>
                        </tr>
                      </thead>
                      <tbody>
                        <For each={list()}>
                          {(e) => (
                            <tr>
                              <td>{dateTimeText(e.at)}</td>
                              <td>{e.actorName}</td>
                              <td>
                                <code>{e.action}</code>
                              </td>
                              <td>
                                {e.entityType} <span class="meta">{e.entityId.slice(0, 8)}</span>
                              </td>
                            </tr>
                          )}
                        </For>
                      </tbody>
                    </table>
                  </Show>
                )}
              </Show>
            </Show>
          </>
        )}
      </Show>
    </>
  );
}
