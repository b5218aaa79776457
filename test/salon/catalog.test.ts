import { expect } from 'chai';
import path from 'node:path';
import { loadCatalog, parseCatalog, type Catalog } from '../../salon/catalog';
import { ContentError } from '../../salon/errors';

const CATALOG_FILE = path.join(__dirname, '../../content/catalog.yaml');
const FILE = 'content/catalog.yaml';

/** A small valid catalog; tests break one thing in it. */
const VALID = `
currency: RUB
timezone: Europe/Moscow
top_master_surcharge_percent: 30
branches:
  - id: tverskaya
    name: «Тверская»
    address: ул. Тверская, 12
    metro: [Пушкинская]
    hours: { mon: "10:00-22:00", tue: "10:00-22:00" }
    parking: платная
    synonyms: [тверская]
services:
  - id: manicure_gel
    name: Маникюр с покрытием гель-лак
    category: manicure
    minutes: 90
    price: 2900
    branches: [tverskaya]
    upsell: [nail_design]
    synonyms: [шеллак]
  - id: nail_design
    name: Дизайн
    category: manicure
    minutes: 10
    price: 150
    branches: [tverskaya]
categories:
  - id: manicure
    name: Маникюр
    default_service: manicure_gel
    synonyms: [ноготочки]
masters:
  - id: olga
    name: Ольга Смирнова
    branch: tverskaya
    level: top
    services: [manicure_gel, nail_design]
    days: [mon, tue]
`;

/** Parses the fixture with `from` replaced by `to`, expecting a ContentError. */
function errorOf(from: string, to: string): ContentError {
  expect(VALID).to.include(from);
  try {
    parseCatalog(VALID.replace(from, to), FILE);
  } catch (error) {
    expect(error).to.be.instanceOf(ContentError);
    return error as ContentError;
  }
  throw new Error('expected a ContentError');
}

/** The 1-based line of the first fixture line containing `text` after the replacement. */
function lineOf(source: string, text: string): number {
  return source.split('\n').findIndex((l) => l.includes(text)) + 1;
}

describe('loadCatalog', () => {
  let catalog: Catalog;
  before(() => {
    catalog = loadCatalog(CATALOG_FILE);
  });

  it('loads the salon catalog with every branch, service, category and master of the brief', () => {
    expect(catalog.currency).to.equal('RUB');
    expect(catalog.timezone).to.equal('Europe/Moscow');
    expect(catalog.top_master_surcharge_percent).to.equal(30);
    expect(catalog.branches.map((b) => b.id)).to.deep.equal(['tverskaya', 'patriki', 'city']);
    expect(catalog.services).to.have.length(14);
    expect(catalog.categories.map((c) => c.id)).to.have.members(['manicure', 'pedicure', 'nails', 'brows', 'lashes', 'hair']);
    expect(catalog.masters.map((m) => m.id)).to.deep.equal(['olga', 'marina', 'anna', 'svetlana', 'kristina', 'elena', 'darya', 'yulia']);
  });

  it('keeps the facts of the brief: prices, prepayments, guarantees and schedules', () => {
    const service = (id: string) => catalog.services.find((s) => s.id === id)!;
    expect(service('manicure_gel')).to.include({ minutes: 90, price: 2900, price_from: false, guarantee_days: 7 });
    expect(service('nail_extension')).to.include({ prepayment_percent: 30, guarantee_days: 5 });
    expect(service('nail_extension').branches).to.deep.equal(['tverskaya', 'city']);
    expect(service('haircut_women')).to.include({ price: 2500, price_from: true });
    expect(service('polish_removal').free_with).to.include('manicure_gel');
    const city = catalog.branches.find((b) => b.id === 'city')!;
    expect(city.hours).to.include({ sat: '09:00-21:00', sun: '10:00-20:00' });
    const kristina = catalog.masters.find((m) => m.id === 'kristina')!;
    expect(kristina.days).to.have.members(['thu', 'fri', 'sat', 'sun', 'mon']);
    expect(kristina.services).to.have.members(['lash_extension', 'lash_lamination', 'brow_shape', 'brow_tint']);
  });

  it('fills defaults for optional fields', () => {
    const parsed = parseCatalog(VALID, FILE);
    expect(parsed.services[1]).to.include({ price_from: false, prepayment_percent: 0, guarantee_days: 0 });
    expect(parsed.services[1].upsell).to.deep.equal([]);
    expect(parsed.masters[0].first_name_needs_cue).to.equal(false);
  });

  it('names the file when it cannot be read', () => {
    expect(() => loadCatalog('content/no-such-catalog.yaml')).to.throw(ContentError, 'content/no-such-catalog.yaml');
  });
});

describe('parseCatalog errors', () => {
  it('names the file and line of malformed YAML', () => {
    const error = errorOf('    minutes: 90\n', '    minutes: [90\n');
    expect(error.file).to.equal(FILE);
    expect(error.line).to.be.within(lineOf(VALID, 'minutes: 90'), lineOf(VALID, 'minutes: 90') + 1);
    expect(error.message).to.match(/^content\/catalog\.yaml:\d+: invalid YAML/);
    expect(error.message).to.include('→');
  });

  it('names the file and line of a master service that does not exist, and suggests the nearest id', () => {
    const broken = VALID.replace('services: [manicure_gel, nail_design]', 'services: [manicure_gl, nail_design]');
    const error = errorOf('services: [manicure_gel, nail_design]', 'services: [manicure_gl, nail_design]');
    expect(error.line).to.equal(lineOf(broken, 'manicure_gl'));
    expect(error.path).to.equal('masters[0].services[0]');
    expect(error.message).to.include(`${FILE}:${error.line}:`).and.include('unknown service "manicure_gl"').and.include('did you mean "manicure_gel"');
  });

  it('names the line of an upsell id that does not exist', () => {
    const error = errorOf('upsell: [nail_design]', 'upsell: [nail_desing]');
    expect(error.line).to.equal(lineOf(VALID, 'upsell: [nail_design]'));
    expect(error.message).to.include('unknown service "nail_desing"');
  });

  it('names the line of a master branch that does not exist', () => {
    const error = errorOf('    branch: tverskaya', '    branch: tver');
    expect(error.line).to.equal(lineOf(VALID, '    branch: tverskaya'));
    expect(error.path).to.equal('masters[0].branch');
  });

  it('rejects a master service that is not offered in the master\'s branch', () => {
    const twoBranches = VALID.replace('branches:\n', 'branches:\n  - { id: city, name: Сити, address: x, metro: [], hours: { mon: "09:00-21:00" }, parking: x }\n');
    const moved = twoBranches.replace('    branch: tverskaya', '    branch: city');
    expect(() => parseCatalog(moved, FILE)).to.throw(ContentError, 'is not offered');
  });

  it('points at the service that lacks a required field and says which', () => {
    const error = errorOf('    price: 150\n', '');
    expect(error.line).to.equal(lineOf(VALID, 'id: nail_design'));
    expect(error.message).to.include('service "nail_design" has no "price"');
  });

  it('points at the key of an unknown field', () => {
    const error = errorOf('    price: 150\n', '    price: 150\n    prise: 150\n');
    expect(error.line).to.equal(lineOf(VALID, '    price: 150') + 1);
    expect(error.message).to.include('unknown field "prise"');
  });

  it('explains a value of the wrong form', () => {
    const error = errorOf('price: 2900', 'price: 2 900 ₽');
    expect(error.path).to.equal('services[0].price');
    expect(error.message).to.include('whole number');
    const hours = errorOf('mon: "10:00-22:00"', 'mon: "10-22"');
    expect(hours.message).to.include('"HH:MM-HH:MM"');
  });

  it('rejects a synonym listed for a service and a category', () => {
    const error = errorOf('synonyms: [ноготочки]', 'synonyms: [ноготочки, шеллак]');
    expect(error.message).to.include('"шеллак"').and.include('already a synonym of service "manicure_gel"');
  });

  it('rejects shared synonyms without the categories they are shared with, and an unknown category there', () => {
    const withShared = '    synonyms: [шеллак]\n    shared_synonyms: [покрытие]';
    const lonely = errorOf('    synonyms: [шеллак]', withShared);
    expect(lonely.message).to.include('has shared_synonyms but no shared_with');
    expect(lonely.line).to.equal(lineOf(VALID.replace('    synonyms: [шеллак]', withShared), 'shared_synonyms'));
    const unknown = errorOf('    synonyms: [шеллак]', '    synonyms: [шеллак]\n    shared_synonyms: [покрытие]\n    shared_with: [pedicure]');
    expect(unknown.message).to.include('unknown category "pedicure"');
  });

  it('rejects a shared synonym that is also a synonym elsewhere', () => {
    const error = errorOf('    synonyms: [шеллак]', '    synonyms: [шеллак]\n    shared_synonyms: [ноготочки]\n    shared_with: [manicure]');
    expect(error.message).to.include('"ноготочки"').and.include('already a synonym of');
  });

  it('rejects a service in a category that does not exist', () => {
    const error = errorOf('    category: manicure\n    minutes: 10', '    category: nails\n    minutes: 10');
    expect(error.message).to.include('unknown category "nails"');
  });

  it('rejects a default service from another category', () => {
    const source = VALID.replace('    category: manicure\n    minutes: 10', '    category: nails\n    minutes: 10')
      .replace('categories:\n', 'categories:\n  - { id: nails, name: Ногти, default_service: nail_design }\n')
      .replace('default_service: manicure_gel', 'default_service: nail_design');
    expect(() => parseCatalog(source, FILE)).to.throw(ContentError, 'belongs to category "nails"');
  });

  it('reports an empty file on line 1', () => {
    const error = (() => { try { parseCatalog('', FILE); } catch (e) { return e as ContentError; } })();
    expect(error).to.be.instanceOf(ContentError);
    expect(error!.line).to.equal(1);
  });

  it('is an Error with a name and structured fields', () => {
    const error = errorOf('level: top', 'level: топ');
    expect(error).to.be.instanceOf(Error);
    expect(error.name).to.equal('ContentError');
    expect(error).to.include({ file: FILE, path: 'masters[0].level' });
    expect(error.message).to.include('top, regular');
  });
});
