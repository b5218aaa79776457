import { expect } from 'chai';
import type { SparseVector } from '../../../nlu/types';
import { dot, isSparse, l2norm, l2normalise, toDense } from '../../../nlu/embed';

const sparse = (entries: Array<[number, number]>): SparseVector => ({
  indices: Int32Array.from(entries.map(([i]) => i)),
  values: Float32Array.from(entries.map(([, v]) => v)),
});

describe('vector utilities', () => {
  it('multiplies two sparse vectors over their shared indices only', () => {
    expect(dot(sparse([[1, 2], [4, 3], [9, 1]]), sparse([[0, 5], [4, 2], [9, 4], [12, 7]]))).to.equal(10);
  });

  it('multiplies dense vectors, and scores an empty vector 0 against anything', () => {
    expect(dot(Float32Array.of(1, 2, 3), Float32Array.of(4, 5, 6))).to.equal(32);
    expect(dot(new Float32Array(0), Float32Array.of(4, 5, 6))).to.equal(0);
  });

  it('multiplies sparse by dense in either order, ignoring indices past the dense end', () => {
    const s = sparse([[0, 2], [2, 1], [7, 5]]);
    const d = Float32Array.of(1, 10, 3);
    expect(dot(s, d)).to.equal(5);
    expect(dot(d, s)).to.equal(5);
  });

  it('normalises to unit length without touching the input', () => {
    const v = Float32Array.of(3, 4);
    const unit = l2normalise(v);
    expect(Array.from(unit)).to.deep.equal([0.6000000238418579, 0.800000011920929]);
    expect(Array.from(v)).to.deep.equal([3, 4]);
    const s = l2normalise(sparse([[2, 3], [5, 4]]));
    expect(l2norm(s)).to.be.closeTo(1, 1e-6);
    expect(Array.from(s.indices)).to.deep.equal([2, 5]);
  });

  it('leaves a zero vector at zero instead of dividing by zero', () => {
    expect(Array.from(l2normalise(new Float32Array(3)))).to.deep.equal([0, 0, 0]);
    expect(l2normalise(sparse([])).values.length).to.equal(0);
  });

  it('spreads a sparse vector over a dense array of the given size', () => {
    expect(Array.from(toDense(sparse([[1, 0.5], [3, 2], [8, 9]]), 4))).to.deep.equal([0, 0.5, 0, 2]);
    expect(Array.from(toDense(Float32Array.of(1, 2, 3), 2))).to.deep.equal([1, 2]);
    expect(Array.from(toDense(Float32Array.of(1), 3))).to.deep.equal([1, 0, 0]);
  });

  it('tells sparse vectors from dense ones', () => {
    expect(isSparse(sparse([[1, 1]]))).to.equal(true);
    expect(isSparse(new Float32Array(2))).to.equal(false);
  });
});
