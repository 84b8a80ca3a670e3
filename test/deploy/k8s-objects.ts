/**
 * Typed views of the Kubernetes objects the deployment checks look at: the workloads' pod
 * templates (Deployment, Job, CronJob), their containers, probes and volumes. Only the fields the
 * checks read; everything else stays untyped.
 *
 * @module
 */
import type { K8sObject, Manifest } from './deploy-files.ts';

export interface Probe {
  readonly httpGet?: { readonly path: string; readonly port: string | number };
  readonly timeoutSeconds?: number;
}

export interface SecurityContext {
  readonly runAsNonRoot?: boolean;
  readonly runAsUser?: number;
  readonly runAsGroup?: number;
  readonly fsGroup?: number;
  readonly seccompProfile?: { readonly type: string };
  readonly allowPrivilegeEscalation?: boolean;
  readonly readOnlyRootFilesystem?: boolean;
  readonly privileged?: boolean;
  readonly capabilities?: { readonly drop?: readonly string[]; readonly add?: readonly string[] };
}

export interface Container {
  readonly name: string;
  readonly image: string;
  readonly command?: readonly string[];
  readonly ports?: readonly { readonly name?: string; readonly containerPort: number }[];
  readonly env?: readonly { readonly name: string; readonly value?: string; readonly valueFrom?: unknown }[];
  readonly envFrom?: readonly { readonly configMapRef?: { readonly name: string } }[];
  readonly readinessProbe?: Probe;
  readonly livenessProbe?: Probe;
  readonly startupProbe?: Probe;
  readonly lifecycle?: { readonly preStop?: { readonly exec?: { readonly command: readonly string[] } } };
  readonly resources?: {
    readonly requests?: Readonly<Record<string, string>>;
    readonly limits?: Readonly<Record<string, string>>;
  };
  readonly securityContext?: SecurityContext;
  readonly volumeMounts?: readonly {
    readonly name: string;
    readonly mountPath: string;
    readonly readOnly?: boolean;
  }[];
}

export interface Volume {
  readonly name: string;
  readonly emptyDir?: Record<string, unknown>;
  readonly persistentVolumeClaim?: { readonly claimName: string };
  readonly secret?: {
    readonly secretName: string;
    readonly defaultMode?: number;
    readonly items?: readonly { readonly key: string; readonly path: string }[];
  };
}

export interface PodSpec {
  readonly containers: readonly Container[];
  readonly volumes?: readonly Volume[];
  readonly securityContext?: SecurityContext;
  readonly automountServiceAccountToken?: boolean;
  readonly terminationGracePeriodSeconds?: number;
}

export interface PodTemplate {
  readonly metadata?: { readonly labels?: Readonly<Record<string, string>> };
  readonly spec: PodSpec;
}

export interface Workload {
  readonly manifest: Manifest;
  readonly template: PodTemplate;
}

/** The pod template of a Deployment, Job or CronJob; undefined for other kinds. */
export function podTemplateOf(object: K8sObject): PodTemplate | undefined {
  const spec = object.spec as
    { template?: PodTemplate; jobTemplate?: { spec: { template: PodTemplate } } } | undefined;
  if (object.kind === 'Deployment' || object.kind === 'Job') return spec?.template;
  if (object.kind === 'CronJob') return spec?.jobTemplate?.spec.template;
  return undefined;
}

export function workloadsOf(manifests: readonly Manifest[]): Workload[] {
  return manifests.flatMap((manifest) => {
    const template = podTemplateOf(manifest.object);
    return template ? [{ manifest, template }] : [];
  });
}

export function only(manifests: readonly Manifest[], kind: string): K8sObject {
  const found = manifests.filter((m) => m.object.kind === kind);
  if (found.length !== 1) throw new Error(`expected one ${kind}, found ${found.length}`);
  return found[0]!.object;
}

export const labelsMatch = (
  selector: Readonly<Record<string, string>>,
  labels: Readonly<Record<string, string>> | undefined,
): boolean => Object.entries(selector).every(([key, value]) => labels?.[key] === value);
