// The figures the benchmark prints for a budget: the median of the runs and the middle half around it.
import { median, middleHalf } from '../../../scripts/lib/bench-measure';

describe('bench figures', () => {
  it('the median of an odd and an even number of runs, in any order', () => {
    expect(median([17, 12, 30])).toBe(17);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('the middle half: first and third quartile of the runs, whatever their order', () => {
    expect(middleHalf([8, 1, 7, 2, 6, 3, 5, 4])).toEqual([2, 6]);
    expect(middleHalf([9, 14, 11, 40, 12, 13, 10])).toEqual([10, 14]);
    expect(middleHalf([5])).toEqual([5, 5]);
  });
});
