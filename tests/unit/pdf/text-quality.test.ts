import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectGarbledText } from '../../../main/pipelines/pdf/text-quality.ts';

// Text from the XiaoBiaoSong fixture. Its font has no ToUnicode map, and a reader that maps
// the GBK codes through WinAnsi (poppler's pdftotext does) gives this text as Latin-1.
const CHINESE = '目录\n关于红军作战的原则⋯⋯⋯１\n（一九三七年八月一日）\n对国防问题的意见⋯⋯⋯３';
const MOJIBAKE = iconv.decode(iconv.encode(CHINESE, 'gbk'), 'latin1');

describe('detectGarbledText', () => {
  it('flags GBK read as Latin-1', () => {
    expect(MOJIBAKE).toContain('¹ØÓÚºì¾ü×÷Õ½µÄÔ');
    expect(detectGarbledText(MOJIBAKE)).toMatch(
      /^garbled text: \d+% of the characters are Latin-1/,
    );
  });

  it('flags private-use glyphs', () => {
    const text = 'Price '.concat('\ue001\ue002\ue003\ue004 '.repeat(6));
    expect(detectGarbledText(text)).toMatch(/private-use/);
  });

  it.each([
    ['Chinese', CHINESE.repeat(2)],
    [
      'Hungarian capitals',
      'I. MÉLYÉPÍTÉS I.1. TALPAS BETONCSÖVEK ÁRAINK AZ ÁFA-T NEM TARTALMAZZÁK',
    ],
    [
      'Spanish with symbols',
      'ESPESOR NOMINAL 6.1 ± 0.3 mm, 20°C, M2 POR CAJA 1,51, Años garantía ½',
    ],
    ['German', 'Größe: 60×60 cm, Stärke 10 mm, Oberfläche glasiert, Frostbeständig, Fußboden'],
  ])('accepts %s', (_, text) => {
    expect(detectGarbledText(text)).toBeNull();
  });

  it('ignores text too short to judge', () => {
    expect(detectGarbledText('¹ØÓÚº')).toBeNull();
  });
});
