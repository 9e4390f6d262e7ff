'use server';

import { revalidatePath } from 'next/cache';
import { getRequestIp, requireAnyRole } from '@/lib/auth/guard';
import { runAction } from '@/lib/http/action';
import { addAssignment, commitAssignment, removeAssignment, startDisputeRound } from '@/lib/review/assign-service';
import type { TDeclareConflictInput, TDisputeRoundInput, TCommitAssignmentInput, TManualAssignmentInput, TRemoveAssignmentInput, TReopenSheetInput, TScoreDraftInput } from '@/lib/review/schema';
import { declareConflict, reopenSheet, saveScores, submitSheet } from '@/lib/review/scoring';
import { deletePanel, saveExpertProfile, savePanel, type TExpertProfileInput, type TPanelInput } from '@/lib/review/experts';
import { saveOnsiteCheck, type TOnsiteCheckInput } from '@/lib/review/onsite';
import { createDecision, saveDecisionDraft, signDecision, type TCreateDecisionInput, type TDecisionDraftInput } from '@/lib/review/decisions';

// The services check everything against the database (the sheet is the expert's own; the admin holds ORG_ADMIN over
// the campaign's owner); the guards here only turn away people without the role at all.

async function expert() {
  const user = await requireAnyRole(['EXPERT']);
  return { actorId: user.id, ip: await getRequestIp() };
}

async function admin() {
  const user = await requireAnyRole(['ORG_ADMIN']);
  return { actorId: user.id, ip: await getRequestIp() };
}

export async function saveScoresAction(input: TScoreDraftInput) {
  return runAction(input, async (input) => saveScores(input, await expert()));
}

export async function submitSheetAction(input: { assignmentId: string }) {
  return runAction(input, async (input) => {
    const result = await submitSheet(input, await expert());
    revalidatePath('/review', 'layout');
    return result;
  });
}

export async function declareConflictAction(input: TDeclareConflictInput) {
  return runAction(input, async (input) => {
    const result = await declareConflict(input, await expert());
    revalidatePath('/review', 'layout');
    return result;
  });
}

export async function commitAssignmentAction(input: TCommitAssignmentInput) {
  return runAction(input, async (input) => {
    const result = await commitAssignment(input, await admin());
    revalidatePath(`/admin/campaigns/${input.campaignId}/review`);
    return result;
  });
}

export async function addAssignmentAction(input: TManualAssignmentInput) {
  return runAction(input, async (input) => {
    const result = await addAssignment(input, await admin());
    revalidatePath(`/admin/campaigns/${input.campaignId}/review`);
    return result;
  });
}

export async function startDisputeRoundAction(input: TDisputeRoundInput) {
  return runAction(input, async (input) => {
    const result = await startDisputeRound(input, await admin());
    revalidatePath(`/admin/campaigns/${input.campaignId}/review`, 'layout');
    return result;
  });
}

export async function removeAssignmentAction(input: TRemoveAssignmentInput) {
  return runAction(input, async (input) => {
    const result = await removeAssignment(input, await admin());
    revalidatePath(`/admin/campaigns/${result.campaignId}/review`);
    return result;
  });
}

export async function reopenSheetAction(input: TReopenSheetInput) {
  return runAction(input, async (input) => {
    const result = await reopenSheet(input, await admin());
    revalidatePath(`/admin/campaigns/${result.campaignId}/review`);
    return result;
  });
}

export async function saveOnsiteCheckAction(input: TOnsiteCheckInput) {
  return runAction(input, async (input) => {
    const result = await saveOnsiteCheck(input, await admin());
    revalidatePath(`/admin/campaigns/${result.campaignId}/onsite`, 'layout');
    return result;
  });
}

export async function createDecisionAction(input: TCreateDecisionInput) {
  return runAction(input, async (input) => {
    const result = await createDecision(input, await admin());
    revalidatePath(`/admin/campaigns/${input.campaignId}/decisions`, 'layout');
    return result;
  });
}

export async function saveDecisionDraftAction(input: TDecisionDraftInput) {
  return runAction(input, async (input) => {
    const result = await saveDecisionDraft(input, await admin());
    revalidatePath(`/admin/campaigns/${result.campaignId}/decisions`, 'layout');
    return result;
  });
}

export async function signDecisionAction(input: { decisionId: string }) {
  return runAction(input, async (input) => {
    const result = await signDecision(input, await admin());
    revalidatePath(`/admin/campaigns/${result.campaignId}/decisions`, 'layout');
    return result;
  });
}

export async function saveExpertProfileAction(input: TExpertProfileInput) {
  return runAction(input, async (input) => {
    const result = await saveExpertProfile(input, await admin());
    revalidatePath('/admin/experts', 'layout');
    return result;
  });
}

export async function savePanelAction(input: TPanelInput) {
  return runAction(input, async (input) => {
    const result = await savePanel(input, await admin());
    revalidatePath(`/admin/campaigns/${result.campaignId}/review`);
    return result;
  });
}

export async function deletePanelAction(input: { panelId: string }) {
  return runAction(input, async (input) => {
    const result = await deletePanel(input, await admin());
    revalidatePath(`/admin/campaigns/${result.campaignId}/review`);
    return result;
  });
}
