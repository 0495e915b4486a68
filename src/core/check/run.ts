/** Runs planned checks with a transport and a clock the host gives; the results hold no secret. */
import { runFlow, type Flow } from './flow';
import type { Transport } from './exchange';
import type { CheckPlan, FixedPlan } from './plan';
import { RegistryFlow, type RegistryPlan } from './registryFlow';
import { S3Flow, type S3Plan } from './s3Flow';
import { REDACT_MIN_LENGTH, secretsOf } from './secrets';
import type { CheckResult, Verdict } from './types';

export interface RunChecksOptions {
  readonly send: Transport;
  /** The host's clock in milliseconds since the epoch (signatures carry it). */
  readonly now: () => number;
  /** Per check, all its round trips included. */
  readonly timeoutMs: number;
}

function isFixed(plan: CheckPlan): plan is FixedPlan {
  return 'verdict' in plan;
}

export function flowFor(plan: RegistryPlan | S3Plan): Flow {
  return plan.kind === 'docker' ? new RegistryFlow(plan) : new S3Flow(plan);
}

/**
 * Details only quote identifiers from answers, but a server may echo anything as its "code": as a last guard,
 * any of the plan's own secrets found in a detail is blanked out.
 */
function redact(detail: string, secrets: readonly string[]): string {
  let out = detail;
  for (const secret of secrets)
    if (secret.length >= REDACT_MIN_LENGTH && out.includes(secret))
      out = out.split(secret).join('[redacted]');
  return out;
}

function result(plan: CheckPlan, verdict: Verdict, ms: number): CheckResult {
  const provider = 'provider' in plan && plan.provider !== undefined ? { provider: plan.provider } : {};
  // Field order is the JSON's: target, kind, outcome, reason, detail, then the rest.
  const out: CheckResult = {
    target: plan.target,
    kind: plan.kind,
    outcome: verdict.outcome,
    reason: verdict.reason,
    detail: isFixed(plan) ? verdict.detail : redact(verdict.detail, secretsOf(plan)),
    ms: Math.round(ms),
    ...provider,
    ...(plan.kind === 'docker' ? { push: verdict.push ?? null } : {}),
  };
  return out;
}

/** Runs every check at once (they contact different servers); results in the order of the plans. */
export async function runChecks(
  plans: readonly CheckPlan[],
  options: RunChecksOptions,
): Promise<CheckResult[]> {
  return Promise.all(
    plans.map(async (plan) => {
      if (isFixed(plan)) return result(plan, plan.verdict, 0);
      const { verdict, ms } = await runFlow(flowFor(plan), options);
      return result(plan, verdict, ms);
    }),
  );
}
