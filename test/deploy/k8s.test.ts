/**
 * The Kubernetes manifests in docs/deploy/k8s, parsed and held to the deployment's rules: two or
 * more replicas behind a PodDisruptionBudget and a Service that select them, probes on the
 * server's real health routes, resources and a locked-down security context on every workload,
 * settings from a ConfigMap that the server's own config loader accepts, secrets only as mounted
 * files through the `*_FILE` variants, and the jobs running the package.json commands.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, posix } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENV_KEYS } from '../../server/config/config-schema.ts';
import { loadConfig, loadDatabaseSettings } from '../../server/config/config.ts';
import { testSecretsEnv } from '../support/test-secrets.ts';
import {
  envExampleKeys,
  K8S_DIR,
  loadDockerfile,
  loadManifests,
  loadPackageJson,
  ROOT,
  startHealthServer,
  type HealthServer,
} from './deploy-files.ts';
import { envOf, lastOf, workdirOf } from './dockerfile.ts';
import {
  labelsMatch,
  only,
  workloadsOf,
  type Container,
  type PodSpec,
  type Workload,
} from './k8s-objects.ts';

const manifests = loadManifests();
const workloads = workloadsOf(manifests);
const pkg = loadPackageJson();
const deployment = only(manifests, 'Deployment');
const deploymentSpec = deployment.spec as {
  replicas: number;
  selector: { matchLabels: Record<string, string> };
};
const server: Workload = workloads.find((w) => w.manifest.object.kind === 'Deployment')!;
const serverContainer = server.template.spec.containers[0]!;
const configMap = only(manifests, 'ConfigMap');
const configData = configMap.data as Record<string, string>;
const runtimeStage = loadDockerfile().stages.at(-1)!;

/** What the revenuepilot-secrets Secret holds (docs/deploy.md creates it), with test values. */
async function secretValues(): Promise<Record<string, string>> {
  const secrets = await testSecretsEnv();
  return {
    'database-url': 'postgres://revenuepilot@db.internal:5432/revenuepilot?sslmode=require',
    'token-encryption-key': secrets.TOKEN_ENCRYPTION_KEY,
    'client-jwks.json': secrets.CLIENT_JWKS,
    'admin-api-token': randomBytes(32).toString('base64'),
    'metrics-token': randomBytes(32).toString('base64'),
  };
}

/** The environment a container starts with: its ConfigMaps, then its own env (which wins). */
function containerEnv(container: Container): Record<string, string> {
  const env: Record<string, string> = {};
  for (const source of container.envFrom ?? []) {
    const name = source.configMapRef?.name;
    const map = manifests.find((m) => m.object.kind === 'ConfigMap' && m.object.metadata.name === name);
    expect(map, `ConfigMap ${name}`).toBeDefined();
    Object.assign(env, map!.object.data);
  }
  for (const entry of container.env ?? []) if (entry.value !== undefined) env[entry.name] = entry.value;
  return env;
}

/** Reads a file the pod would see: only from a mounted Secret's listed items. */
function mountedReader(spec: PodSpec, container: Container, values: Record<string, string>) {
  return (path: string): string => {
    for (const mount of container.volumeMounts ?? []) {
      const volume = spec.volumes?.find((v) => v.name === mount.name);
      if (!volume?.secret || posix.dirname(path) !== mount.mountPath) continue;
      const item = volume.secret.items?.find((i) => i.path === posix.basename(path));
      if (item && item.key in values) return values[item.key]!;
    }
    throw Object.assign(new Error(`not mounted: ${path}`), { code: 'ENOENT' });
  };
}

describe('Kubernetes manifests', () => {
  it('are valid objects, every one applied by the kustomization except the migration Job', () => {
    for (const { file, object } of manifests) {
      expect(object.apiVersion, file).toEqual(expect.any(String));
      expect(object.kind, file).toEqual(expect.any(String));
    }
    const kustomization = only(manifests, 'Kustomization') as unknown as { resources: string[] };
    for (const resource of kustomization.resources)
      expect(existsSync(join(ROOT, K8S_DIR, resource))).toBe(true);
    const files = new Set(manifests.map((m) => m.file));
    const notApplied = [...files].filter(
      (f) => f !== 'kustomization.yaml' && !kustomization.resources.includes(f),
    );
    expect(notApplied).toEqual(['migrate-job.yaml']);
  });

  it('run two or more replicas, on PostgreSQL (PGlite is one process per directory)', () => {
    expect(deploymentSpec.replicas).toBeGreaterThanOrEqual(2);
    const env = containerEnv(serverContainer);
    expect('DATABASE_URL' in env || 'DATABASE_URL_FILE' in env).toBe(true);
  });

  it('select the same pods in the Deployment, its template, the Service and the PodDisruptionBudget', () => {
    const selector = deploymentSpec.selector.matchLabels;
    expect(Object.keys(selector).length).toBeGreaterThan(0);
    expect(labelsMatch(selector, server.template.metadata?.labels)).toBe(true);
    const pdb = only(manifests, 'PodDisruptionBudget').spec as {
      minAvailable: number;
      selector: { matchLabels: Record<string, string> };
    };
    expect(pdb.minAvailable).toBe(1);
    expect(pdb.minAvailable).toBeLessThan(deploymentSpec.replicas);
    expect(pdb.selector.matchLabels).toEqual(selector);
    const service = only(manifests, 'Service').spec as {
      selector: Record<string, string>;
      ports: { targetPort: string | number }[];
    };
    expect(labelsMatch(service.selector, server.template.metadata?.labels)).toBe(true);
    const portNames = (serverContainer.ports ?? []).map((p) => p.name);
    for (const port of service.ports) expect(portNames).toContain(port.targetPort);
  });

  it('listen on the port the server is configured for and the image exposes', () => {
    const port = serverContainer.ports?.find((p) => p.name === 'http')?.containerPort;
    expect(String(port)).toBe(configData.PORT);
    expect(lastOf(runtimeStage, 'EXPOSE')?.args).toBe(String(port));
    expect(configData.HOST).toBe('0.0.0.0');
  });

  it('give every container resource requests and a memory limit', () => {
    for (const { manifest, template } of workloads) {
      for (const c of template.spec.containers) {
        expect(c.resources?.requests?.cpu, `${manifest.file} ${c.name}`).toBeDefined();
        expect(c.resources?.requests?.memory, `${manifest.file} ${c.name}`).toBeDefined();
        expect(c.resources?.limits?.memory, `${manifest.file} ${c.name}`).toBeDefined();
      }
    }
  });

  it('lock every workload down: non-root (the image user), seccomp, read-only root, no privileges', () => {
    const imageUser = Number(lastOf(runtimeStage, 'USER')?.args.split(':')[0]);
    for (const { manifest, template } of workloads) {
      const pod = template.spec;
      expect(pod.securityContext?.runAsNonRoot, manifest.file).toBe(true);
      expect(pod.securityContext?.runAsUser, manifest.file).toBe(imageUser);
      expect(pod.securityContext?.seccompProfile?.type, manifest.file).toBe('RuntimeDefault');
      expect(pod.automountServiceAccountToken, manifest.file).toBe(false);
      for (const c of pod.containers) {
        const sc = c.securityContext;
        expect(sc?.runAsNonRoot, c.name).toBe(true);
        expect(sc?.allowPrivilegeEscalation, c.name).toBe(false);
        expect(sc?.readOnlyRootFilesystem, c.name).toBe(true);
        expect(sc?.privileged ?? false, c.name).toBe(false);
        expect(sc?.capabilities?.drop, c.name).toContain('ALL');
        expect(sc?.capabilities?.add ?? [], c.name).toEqual([]);
      }
    }
  });

  it('mount a writable /tmp (tsx compiles there) and a volume for every directory a workload writes', () => {
    for (const { manifest, template } of workloads) {
      for (const c of template.spec.containers) {
        const mounts = c.volumeMounts ?? [];
        const tmp = mounts.find((m) => m.mountPath === '/tmp');
        expect(
          template.spec.volumes?.find((v) => v.name === tmp?.name)?.emptyDir,
          manifest.file,
        ).toBeDefined();
        if (c.command?.includes('server/cli/db-backup.ts')) {
          const dir = containerEnv(c).BACKUP_DIR;
          const mount = mounts.find((m) => m.mountPath === dir);
          const volume = template.spec.volumes?.find((v) => v.name === mount?.name);
          expect(volume?.persistentVolumeClaim, `${manifest.file}: ${dir}`).toBeDefined();
        }
      }
    }
  });

  it('probe readiness on /readyz and liveness on /healthz through the named port', () => {
    expect(serverContainer.readinessProbe?.httpGet).toEqual({ path: '/readyz', port: 'http' });
    expect(serverContainer.livenessProbe?.httpGet).toEqual({ path: '/healthz', port: 'http' });
    // /readyz waits up to 2 s for the database; the probe must wait longer than that.
    expect(serverContainer.readinessProbe?.timeoutSeconds).toBeGreaterThan(2);
  });

  it('stop within the grace period: preStop pause, the drain, and the exit failsafe', () => {
    const preStop = serverContainer.lifecycle?.preStop?.exec?.command ?? [];
    expect(preStop[0]).toBe('sleep');
    const drainSeconds = Number(configData.SHUTDOWN_GRACE_MS) / 1000;
    const failsafeSeconds = 5; // EXIT_FAILSAFE_MS in server/main.ts
    expect(server.template.spec.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(
      Number(preStop[1]) + drainSeconds + failsafeSeconds,
    );
  });

  it('name only settings the server reads and .env.example documents; secrets only as *_FILE', () => {
    const documented = envExampleKeys();
    const secretKeys = [
      'DATABASE_URL',
      'TOKEN_ENCRYPTION_KEY',
      'CLIENT_JWKS',
      'ADMIN_API_TOKEN',
      'METRICS_TOKEN',
    ];
    for (const { manifest, template } of workloads) {
      for (const c of template.spec.containers) {
        const env = containerEnv(c);
        for (const name of Object.keys(env)) {
          const key = name.replace(/_FILE$/, '');
          expect(documented.has(key), `${manifest.file}: ${name}`).toBe(true);
          expect((ENV_KEYS as string[]).includes(key), `${manifest.file}: ${name}`).toBe(true);
        }
        for (const key of secretKeys) expect(env, manifest.file).not.toHaveProperty(key);
        for (const entry of c.env ?? []) expect(entry.valueFrom, entry.name).toBeUndefined();
      }
    }
    for (const key of secretKeys) expect(configData).not.toHaveProperty(`${key}_FILE`);
  });

  it('mount the Secret read-only, readable by the pod group alone', () => {
    for (const { manifest, template } of workloads) {
      for (const volume of (template.spec.volumes ?? []).filter((v) => v.secret)) {
        expect(volume.secret!.defaultMode, manifest.file).toBe(0o440);
        expect(template.spec.securityContext?.fsGroup, manifest.file).toBe(
          template.spec.securityContext?.runAsGroup,
        );
        const mounts = template.spec.containers.flatMap((c) => c.volumeMounts ?? []);
        for (const m of mounts.filter((x) => x.name === volume.name)) expect(m.readOnly).toBe(true);
      }
    }
  });

  it('configure the server so that its config loader accepts it, secrets read from the mounted files', async () => {
    const values = await secretValues();
    // The container starts from the image's ENV; the pod's settings override it.
    const env = { ...envOf(runtimeStage), ...containerEnv(serverContainer) };
    const config = loadConfig(env, {
      readFile: mountedReader(server.template.spec, serverContainer, values),
      cwd: workdirOf(runtimeStage),
    });
    expect(config.database).toEqual({ kind: 'postgres', url: values['database-url'] });
    expect(config.tokenEncryptionKey.toString('base64')).toBe(values['token-encryption-key']);
    expect(config.clientJwks).toBe(values['client-jwks.json']!.trim());
    expect(config.adminApiToken).toBe(values['admin-api-token']);
    expect(config.publicUrl).toMatch(/^https:\/\//);
    expect(config.host).toBe('0.0.0.0');
  });

  it('run the package.json commands in the jobs, with database settings they accept', async () => {
    const values = await secretValues();
    const jobs = workloads.filter((w) => w.manifest.object.kind !== 'Deployment');
    const scripts = jobs.map(({ template }) => {
      const container = template.spec.containers[0]!;
      const command = container.command?.join(' ');
      const script = Object.entries(pkg.scripts).find(([, s]) => s === command)?.[0];
      expect(script, command).toBeDefined();
      const settings = loadDatabaseSettings(containerEnv(container), {
        readFile: mountedReader(template.spec, container, values),
      });
      expect(settings.database.kind).toBe('postgres');
      return script;
    });
    expect(scripts.sort()).toEqual(['db:backup', 'db:migrate']);
    const cron = only(manifests, 'CronJob').spec as { concurrencyPolicy: string };
    expect(cron.concurrencyPolicy).toBe('Forbid');
  });

  it('run the image the Deployment runs, in every workload', () => {
    const images = new Set(workloads.flatMap((w) => w.template.spec.containers.map((c) => c.image)));
    expect(images).toEqual(new Set([serverContainer.image]));
  });
});

describe('the probes against the server health routes', () => {
  let health: HealthServer;
  beforeAll(async () => {
    health = await startHealthServer();
  });
  afterAll(() => health?.close());

  it('answer 200 on every probe path', async () => {
    const probes = [
      serverContainer.readinessProbe,
      serverContainer.livenessProbe,
      serverContainer.startupProbe,
    ];
    const paths = probes.map((p) => p?.httpGet?.path);
    expect(paths).not.toContain(undefined);
    for (const path of paths) {
      const res = await fetch(`http://127.0.0.1:${health.port}${path}`);
      expect(res.status, path).toBe(200);
    }
    expect((await fetch(`http://127.0.0.1:${health.port}/no-such-probe`)).status).toBe(404);
  });
});
