import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.ts';
import {
  parseEhrRegistrationInput,
  parseEhrRegistrationPatch,
  type EhrRegistrationInput,
} from './ehr-registration-input.ts';
import { bareOrigin, normaliseIssuer } from './registration-urls.ts';

const valid: EhrRegistrationInput = {
  name: '  Sandbox EHR ',
  issuer: 'http://localhost:8090/fhir/',
  clientId: 'revenuepilot-local',
  authMethod: 'none',
  vendor: 'generic',
  frameOrigins: ['http://127.0.0.1:8090'],
  scopes: 'launch launch/patient launch/encounter openid fhirUser profile offline_access online_access',
};

function problems(raw: unknown, parse: (raw: unknown) => unknown = parseEhrRegistrationInput): string {
  try {
    parse(raw);
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('bad_request');
    return (err as Error).message.replace(/^The EHR registration is not valid: /, '');
  }
  throw new Error('expected a bad_request');
}

describe('normaliseIssuer', () => {
  it.each([
    ['https://EHR.Example.org:443/FHIR/R4/', 'https://ehr.example.org/FHIR/R4'],
    ['https://ehr.example.org', 'https://ehr.example.org'],
    ['https://ehr.example.org///', 'https://ehr.example.org'],
    ['http://localhost:80/fhir', 'http://localhost/fhir'],
    ['https://ehr.example.org:9443/fhir', 'https://ehr.example.org:9443/fhir'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseIssuer(input)).toBe(expected);
  });

  it.each([
    'ftp://ehr.example.org',
    'https://ehr.example.org/fhir?x',
    'https://ehr.example.org/fhir#a',
    'https://u:p@ehr.example.org',
    '/fhir',
    '',
  ])('refuses %j', (input) => expect(normaliseIssuer(input)).toBeUndefined());
});

describe('bareOrigin', () => {
  it('accepts scheme://host[:port] with at most a trailing slash', () => {
    expect(bareOrigin('https://EHR.example.org:443/')).toBe('https://ehr.example.org');
    expect(bareOrigin('https://ehr.example.org:8443')).toBe('https://ehr.example.org:8443');
    expect(bareOrigin('https://ehr.example.org/app')).toBeUndefined();
    expect(bareOrigin('https://ehr.example.org?x=1')).toBeUndefined();
  });
});

describe('parseEhrRegistrationInput', () => {
  it('trims and normalises, allowing http for the local sandbox', () => {
    expect(parseEhrRegistrationInput(valid)).toEqual({
      ...valid,
      name: 'Sandbox EHR',
      issuer: 'http://localhost:8090/fhir',
    });
  });

  it('accepts v1 and v2 resource scopes and removes repeats', () => {
    const parsed = parseEhrRegistrationInput({
      ...valid,
      scopes:
        ' launch\tpatient/Observation.rs patient/Observation.rs user/Condition.cruds patient/*.read system/ChargeItem.c ',
    });
    expect(parsed.scopes).toBe(
      'launch patient/Observation.rs user/Condition.cruds patient/*.read system/ChargeItem.c',
    );
  });

  it('lists every problem by field', () => {
    expect(
      problems({
        name: '',
        issuer: 'https://ehr.example.org/fhir?tenant=1',
        clientId: 'x',
        authMethod: 'client_secret_post',
        vendor: 'meditech',
        frameOrigins: [],
        scopes: 'launch patient/Observation.xyz admin',
        idTokenIssuer: 'http://idp.example.org',
      }),
    ).toBe(
      [
        'name: must not be empty',
        'issuer: must be an absolute http(s) URL with no query, fragment or credentials',
        'authMethod: Invalid option: expected one of "private_key_jwt"|"client_secret_basic"|"none"',
        'vendor: Invalid option: expected one of "epic"|"oracle-health"|"generic"',
        'frameOrigins: needs at least one origin (where the EHR shows the app)',
        'scopes: "patient/Observation.xyz" is not a SMART scope RevenuePilot can use',
        'scopes: "admin" is not a SMART scope RevenuePilot can use',
        'idTokenIssuer: must use https (plain http only for localhost or 127.0.0.1).',
      ].join('; '),
    );
  });

  it('requires the secret for client_secret_basic only, and never repeats it', () => {
    expect(problems({ ...valid, authMethod: 'client_secret_basic' })).toBe(
      'clientSecret: is required when authMethod is client_secret_basic.',
    );
    expect(problems({ ...valid, clientSecret: 'hunter2-hunter2' })).toBe(
      'clientSecret: is only for authMethod client_secret_basic.',
    );
    expect(problems({ ...valid, authMethod: 'client_secret_basic', clientSecret: 'x'.repeat(5000) })).toBe(
      'clientSecret: must be at most 4096 characters.',
    );
  });

  it('refuses missing fields, unknown fields, empty scopes and non-objects', () => {
    const noName: Partial<EhrRegistrationInput> = { ...valid };
    delete noName.name;
    expect(problems(noName)).toBe('name: Invalid input: expected string, received undefined.');
    expect(problems({ ...valid, client_id: 'x' })).toBe('Unrecognized key: "client_id".');
    expect(problems({ ...valid, scopes: '   ' })).toBe('scopes: must list at least one scope.');
    expect(problems('text')).toBe('Invalid input: expected object, received string.');
  });
});

describe('parseEhrRegistrationPatch', () => {
  it('takes any subset, and null to clear idTokenIssuer', () => {
    expect(parseEhrRegistrationPatch({})).toEqual({});
    expect(parseEhrRegistrationPatch({ issuer: 'https://EHR.example.org/', idTokenIssuer: null })).toEqual({
      issuer: 'https://ehr.example.org',
      idTokenIssuer: null,
    });
    expect(problems({ frameOrigins: ['ehr.example.org'] }, parseEhrRegistrationPatch)).toBe(
      'frameOrigins.0: must be a bare origin like https://ehr.example.org (no path).',
    );
  });
});
