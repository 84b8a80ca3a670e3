/**
 * docs/deploy.md stays true to the code: the registration URLs are the ones the server serves
 * and the sandbox EHR registers in every end-to-end test, the scopes are the ones those tests are
 * granted, every command, setting, link and secret file it names exists, and the paths it says
 * the server writes are the image's.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPANION_SCOPES, companionAppRegistration } from '../../fhir-fixtures/sandbox/companion-app.ts';
import { ENV_KEYS } from '../../server/config/config-schema.ts';
import { JWKS_PATH } from '../../server/keys/jwks-route.ts';
import { loadDockerfile, loadManifests, loadPackageJson, readText, ROOT } from './deploy-files.ts';
import { envOf } from './dockerfile.ts';
import { only, workloadsOf } from './k8s-objects.ts';

const DOC = 'docs/deploy.md';
const doc = readText(DOC);
const manifests = loadManifests();
const publicUrl = (only(manifests, 'ConfigMap').data as Record<string, string>).PUBLIC_URL!;

describe('docs/deploy.md', () => {
  it('gives the launch URL, redirect URI and JWKS URL the server and the sandbox EHR use', () => {
    const app = companionAppRegistration(publicUrl);
    expect(app.jwksUri).toBe(`${publicUrl}${JWKS_PATH}`);
    for (const url of [app.launchUrl, ...app.redirectUris, app.jwksUri]) expect(doc).toContain(`\`${url}\``);
    expect(doc).toContain(`\`${publicUrl}/launch/standalone?iss=<FHIR base>\``);
  });

  it('asks for the scopes the end-to-end tests are granted, in the registration example too', () => {
    const block = /Scopes to request[\s\S]*?```\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
    const listed = new Set(block.split(/\s+/).filter(Boolean));
    for (const scope of [...COMPANION_SCOPES.split(' '), 'launch', 'openid', 'fhirUser']) {
      expect(listed.has(scope), scope).toBe(true);
    }
    const example = /--vendor epic[\s\S]*?--scopes "([^"]+)"/.exec(doc)?.[1];
    expect(example?.split(' ').sort()).toEqual(COMPANION_SCOPES.split(' ').sort());
  });

  it('names only npm scripts and command files that exist', () => {
    const scripts = loadPackageJson().scripts;
    const named = [...doc.matchAll(/npm run (?:--silent )?([a-z][\w:-]*)/g)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThan(5);
    for (const script of named) expect(scripts, script).toHaveProperty(script);
    const files = [...doc.matchAll(/node --import tsx (\S+\.ts)/g)].map((m) => m[1]!);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      expect(Object.values(scripts), file).toContain(`node --import tsx ${file}`);
    }
  });

  it('names only settings the server reads', () => {
    const dockerfileWords = new Set(['HEALTHCHECK']);
    const words = [...doc.matchAll(/`([A-Z][A-Z0-9_]{3,})`/g)]
      .map((m) => m[1]!)
      .filter((w) => !dockerfileWords.has(w));
    expect(words.length).toBeGreaterThan(10);
    for (const word of words) {
      expect((ENV_KEYS as string[]).includes(word.replace(/_FILE$/, '')), word).toBe(true);
    }
  });

  it('links only to files that exist', () => {
    const links = [...doc.matchAll(/\]\(([^)#]+)(?:#[^)]*)?\)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(2);
    for (const link of links.filter((l) => !/^https?:/.test(l))) {
      expect(existsSync(join(ROOT, dirname(DOC), link)), link).toBe(true);
    }
  });

  it('creates the Secret with every file the workloads mount', () => {
    const create =
      /kubectl create secret generic revenuepilot-secrets([\s\S]*?)\n(?!\s)/.exec(doc)?.[1] ?? '';
    const files = new Set([...create.matchAll(/--from-file=(\S+)/g)].map((m) => m[1]!));
    const mounted = workloadsOf(manifests).flatMap(({ template }) =>
      (template.spec.volumes ?? []).flatMap((v) => v.secret?.items?.map((i) => i.key) ?? []),
    );
    expect(mounted.length).toBeGreaterThan(0);
    expect(new Set(mounted)).toEqual(files);
  });

  it('lists the directories the image lets the server write', () => {
    const env = envOf(loadDockerfile().stages.at(-1)!);
    for (const key of ['PGLITE_DATA_DIR', 'BACKUP_DIR', 'DRAFT_RECORDINGS_DIR']) {
      expect(doc, key).toContain(`\`${env[key]}\``);
    }
  });
});
