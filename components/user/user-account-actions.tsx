'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { TemporaryPassword } from '@/components/user/temporary-password';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog, Dialog } from '@/components/ui/dialog';
import { resetUserPasswordAction, setUserDisabledAction, unlockUserAction } from '@/lib/user/actions';

type TUser = { id: string; loginName: string; displayName: string; isDisabled: boolean; isLocked: boolean };
type TStep = 'reset' | 'disable' | 'enable' | 'unlock';

const STEPS: Record<TStep, { title: string; confirmLabel: string; tone: 'primary' | 'danger'; text: (name: string) => string }> = {
  reset: {
    title: '重置密码',
    confirmLabel: '重置密码',
    tone: 'danger',
    text: (name) => `将为“${name}”生成新的临时密码，原密码立即失效，已登录的设备全部退出；对方下次登录须修改密码。`,
  },
  disable: {
    title: '停用账号',
    confirmLabel: '停用',
    tone: 'danger',
    text: (name) => `停用后“${name}”立即退出所有设备，且无法再登录，直到重新启用。`,
  },
  enable: { title: '启用账号', confirmLabel: '启用', tone: 'primary', text: (name) => `启用后“${name}”可以重新登录。` },
  unlock: {
    title: '解除锁定',
    confirmLabel: '解除锁定',
    tone: 'primary',
    text: (name) => `“${name}”因连续输错密码被锁定。解除后可立即用原密码登录。`,
  },
};

/** Reset password, disable/enable and unlock, each behind a confirmation. */
export function UserAccountActions({ user, isSelf }: { user: TUser; isSelf: boolean }) {
  const router = useRouter();
  const [step, setStep] = useState<TStep | null>(null);
  const [isWorking, setIsWorking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [temporaryPassword, setTemporaryPassword] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  function open(next: TStep) {
    setError(null);
    setNotice(null);
    setStep(next);
  }

  async function confirm() {
    if (!step) return;
    setIsWorking(true);
    setError(null);
    const result =
      step === 'reset'
        ? await resetUserPasswordAction(user.id)
        : step === 'unlock'
          ? await unlockUserAction(user.id)
          : await setUserDisabledAction(user.id, step === 'disable');
    setIsWorking(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setStep(null);
    if (result.data && 'temporaryPassword' in result.data) setTemporaryPassword(result.data.temporaryPassword);
    else setNotice({ disable: '账号已停用', enable: '账号已启用', unlock: '已解除锁定', reset: '' }[step]);
    router.refresh();
  }

  const current = step ? STEPS[step] : null;
  return (
    <div className="space-y-3">
      {notice && <Alert tone="success">{notice}</Alert>}
      <div className="flex flex-wrap gap-2">
        {user.isLocked && <Button onClick={() => open('unlock')}>解除锁定</Button>}
        {!isSelf && <Button variant="secondary" onClick={() => open('reset')}>重置密码</Button>}
        {!isSelf &&
          (user.isDisabled ? (
            <Button variant="secondary" onClick={() => open('enable')}>启用账号</Button>
          ) : (
            <Button variant="danger" onClick={() => open('disable')}>停用账号</Button>
          ))}
      </div>
      {isSelf && <p className="text-xs text-stone-500">这是您自己的账号：不能停用；修改密码请到“我的账号”。</p>}
      {current && (
        <ConfirmDialog
          open
          title={current.title}
          confirmLabel={current.confirmLabel}
          tone={current.tone}
          isLoading={isWorking}
          onConfirm={confirm}
          onCancel={() => setStep(null)}
        >
          <p>{current.text(user.displayName)}</p>
          {error && <Alert tone="error">{error}</Alert>}
        </ConfirmDialog>
      )}
      <Dialog
        open={!!temporaryPassword}
        onClose={() => setTemporaryPassword(null)}
        title="密码已重置"
        footer={<Button onClick={() => setTemporaryPassword(null)}>完成</Button>}
      >
        {temporaryPassword && <TemporaryPassword loginName={user.loginName} password={temporaryPassword} />}
      </Dialog>
    </div>
  );
}
