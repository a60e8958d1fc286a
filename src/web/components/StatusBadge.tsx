import type { PlanStatus } from '../api';
import { useI18n, type MsgKey } from '../i18n';

export function StatusBadge({ status }: { status: PlanStatus }) {
  const { t } = useI18n();
  return (
    <span className={`status status-${status}`} data-testid="plan-status">
      {t(`status.${status}` as MsgKey)}
    </span>
  );
}
