package io.skytrade.engine.backtest.report;

/**
 * The script the browser test runs in report.html: for every chart container whether it holds a
 * canvas, how many of its pixels are coloured (series are drawn in saturated colours, axes and
 * grid in greys) and how many points uPlot was given; then the same for the per-product charts
 * after selecting each product in turn; the table captions; the window error flag. Returns JSON
 * text. Test code only.
 */
final class ReportPageProbe {
    /** A page function: how many of a canvas's pixels are coloured (series), not grey (axes, grid). */
    static final String COLORED = """
          const colored = canvas => {
            const d = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
            let n = 0;
            for (let i = 0; i < d.length; i += 4) {
              const r = d[i], g = d[i + 1], b = d[i + 2];
              if (d[i + 3] > 0 && Math.max(Math.abs(r - g), Math.abs(g - b), Math.abs(r - b)) > 24) { n++; }
            }
            return n;
          };
        """;

    static final String SCRIPT = """
        (async () => {
          const sleep = ms => new Promise(r => setTimeout(r, ms));
        """ + COLORED + """
          const inspect = () => Array.from(document.querySelectorAll('.chart')).map(el => {
            const canvas = el.querySelector('canvas');
            const chart = window.skytradeReport.charts[el.id];
            return { id: el.id, canvas: !!canvas, colored: canvas ? colored(canvas) : 0,
              points: chart ? chart.data[0].length : 0, text: el.classList.contains('no-data') ? el.textContent : '' };
          });
          const result = { error: document.documentElement.getAttribute('data-report-error'), initial: inspect(), products: [] };
          const select = document.getElementById('product');
          const first = select.value;
          for (const option of Array.from(select.options)) {
            select.value = option.value;
            select.dispatchEvent(new Event('change'));
            await sleep(30);
            result.products.push({ product: option.textContent,
              charts: inspect().filter(c => ['chart-price', 'chart-signal', 'chart-regime'].includes(c.id)) });
          }
          select.value = first;
          select.dispatchEvent(new Event('change'));
          await sleep(30);
          result.captions = Array.from(document.querySelectorAll('caption')).map(c => c.textContent);
          const tables = Array.from(document.querySelectorAll('table'));
          result.extraTableText = tables.length ? tables[tables.length - 1].textContent : '';
          result.error = result.error || document.documentElement.getAttribute('data-report-error');
          return JSON.stringify(result);
        })()
        """;

    private ReportPageProbe() {
    }
}
