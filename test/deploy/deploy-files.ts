/**
 * The deployment files the checks read, loaded from the repository: the Dockerfile, .dockerignore,
 * the Kubernetes manifests under docs/deploy/k8s, package.json, and the keys .env.example
 * documents. Plus a live health endpoint (the server's own `healthRoutes` over a real, empty test
 * database) for probes and the image's HEALTHCHECK to be tried against.
 *
 * @module
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { parseAllDocuments } from 'yaml';
import { createHealthState } from '../../server/lifecycle/health-state.ts';
import { listen } from '../../server/lifecycle/http-server.ts';
import { healthRoutes } from '../../server/routes/health.ts';
import { openTestDb } from '../support/test-db.ts';
import { parseDockerIgnore, type DockerIgnore } from './docker-ignore.ts';
import { parseDockerfile, type Dockerfile } from './dockerfile.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const K8S_DIR = 'docs/deploy/k8s';

export const readText = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

export function loadDockerfile(): Dockerfile {
  return parseDockerfile(readText('Dockerfile'));
}

export function loadDockerIgnore(): DockerIgnore {
  return parseDockerIgnore(readText('.dockerignore'));
}

export interface PackageJson {
  readonly scripts: Record<string, string>;
  readonly dependencies: Record<string, string>;
  readonly devDependencies: Record<string, string>;
  readonly engines: { readonly node: string };
}

export function loadPackageJson(): PackageJson {
  return JSON.parse(readText('package.json')) as PackageJson;
}

/** Every `KEY=` .env.example documents, set or commented out. */
export function envExampleKeys(): Set<string> {
  const keys = [...readText('.env.example').matchAll(/^#?\s?([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]!);
  return new Set(keys);
}

/** A Kubernetes object, loosely typed: the checks walk it by property names. */
export type K8sObject = { readonly kind: string; readonly metadata: { readonly name: string } } & Record<
  string,
  unknown
>;

export interface Manifest {
  readonly file: string;
  readonly object: K8sObject;
}

export function loadManifests(): Manifest[] {
  const files = readdirSync(join(ROOT, K8S_DIR)).filter((f) => /\.ya?ml$/.test(f));
  return files.flatMap((file) =>
    parseAllDocuments(readText(`${K8S_DIR}/${file}`)).map((doc) => {
      if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors.map((e) => e.message).join('; ')}`);
      return { file, object: doc.toJS() as K8sObject };
    }),
  );
}

export interface HealthServer {
  readonly port: number;
  close(): Promise<void>;
}

/** The server's health routes on a free port, over a real (empty) database. */
export async function startHealthServer(): Promise<HealthServer> {
  const db = await openTestDb({ migrations: [] });
  const app = express();
  app.use(healthRoutes({ db, health: createHealthState() }));
  const listener = await listen(0, '127.0.0.1');
  listener.server.on('request', app);
  return {
    port: listener.port,
    close: async () => {
      await listener.close(1_000);
      await db.close();
    },
  };
}

/** An HTTP server that answers 404 to everything: a port where no health route exists. */
export async function startEmptyServer(): Promise<HealthServer> {
  const listener = await listen(0, '127.0.0.1');
  listener.server.on('request', express());
  return {
    port: listener.port,
    close: async () => {
      await listener.close(1_000);
    },
  };
}
