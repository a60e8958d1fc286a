/**
 * The absence forecast chart (ECharts, canvas): the last 12 weeks of actual absence as bars,
 * then the expected number absent per day (line) inside its calibrated 80 % interval (band),
 * with a marker at the first forecast day. Loaded lazily: ECharts is a separate chunk.
 */
import { useEffect, useRef } from 'react';
import { LineChart, BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { fmtDate, fmtDayMonth, fmtNum, wdShort, weekdayOf, type Lang } from '../i18n';

echarts.use([LineChart, BarChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

export interface ForecastRow {
  date: string;
  mean: number;
  p10: number;
  p50: number;
  p90: number;
  ongoing: number;
}

export interface ChartLabels {
  actual: string;
  expected: string;
  interval: string;
  median: string;
  start: string;
  persons: string;
}

interface Props {
  rows: ForecastRow[];
  history: Array<{ date: string; absent: number }>;
  lang: Lang;
  labels: ChartLabels;
}

const ACCENT = '#14527a';
const BAND = 'rgba(30, 122, 140, 0.22)';
const ACTUAL = '#8a94a6';

export default function ForecastChart({ rows, history, lang, labels }: Props) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current, undefined, { renderer: 'canvas' });
    const dates = [...history.map((h) => h.date), ...rows.map((r) => r.date)];
    const nH = history.length;
    const pad = (n: number) => Array.from({ length: n }, () => null);
    const byDate = new Map<string, { h?: number; r?: ForecastRow }>();
    for (const h of history) byDate.set(h.date, { h: h.absent });
    for (const r of rows) byDate.set(r.date, { ...byDate.get(r.date), r });
    const start = rows[0]?.date;
    chart.setOption({
      animation: false,
      grid: { left: 44, right: 16, top: 36, bottom: 46 },
      legend: { top: 0, data: [labels.actual, labels.expected, labels.interval] },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'line' },
        formatter: (params: unknown) => {
          const list = params as Array<{ axisValue: string }>;
          const d = list[0]?.axisValue;
          if (!d) return '';
          const x = byDate.get(d);
          const head = `<b>${wdShort(weekdayOf(d), lang)} ${fmtDate(d, lang)}</b>`;
          if (x?.r)
            return `${head}<br/>${labels.expected}: ${fmtNum(x.r.mean, lang, 2)}<br/>${labels.median}: ${x.r.p50}<br/>${labels.interval}: ${x.r.p10}–${x.r.p90}`;
          return `${head}<br/>${labels.actual}: ${x?.h ?? 0} ${labels.persons}`;
        },
      },
      xAxis: {
        type: 'category',
        data: dates,
        boundaryGap: true,
        axisLabel: { formatter: (v: string) => fmtDayMonth(v, lang), interval: (i: number) => (i - nH) % 7 === 0 },
        axisTick: { alignWithLabel: true },
      },
      yAxis: { type: 'value', minInterval: 1, name: labels.persons, nameGap: 12, nameTextStyle: { align: 'left' } },
      series: [
        { name: labels.actual, type: 'bar', data: [...history.map((h) => h.absent), ...pad(rows.length)], itemStyle: { color: ACTUAL }, barCategoryGap: '20%' },
        // The band: an invisible lower edge with the interval's width stacked on it.
        {
          name: '__lower',
          type: 'line',
          stack: 'band',
          data: [...pad(nH), ...rows.map((r) => r.p10)],
          lineStyle: { opacity: 0 },
          symbol: 'none',
          step: 'middle',
          tooltip: { show: false },
          silent: true,
        },
        {
          name: labels.interval,
          type: 'line',
          stack: 'band',
          data: [...pad(nH), ...rows.map((r) => r.p90 - r.p10)],
          lineStyle: { opacity: 0 },
          areaStyle: { color: BAND },
          itemStyle: { color: BAND },
          symbol: 'none',
          step: 'middle',
          silent: true,
        },
        {
          name: labels.expected,
          type: 'line',
          data: [...pad(nH), ...rows.map((r) => r.mean)],
          itemStyle: { color: ACCENT },
          lineStyle: { width: 2.5, color: ACCENT },
          symbol: 'circle',
          symbolSize: 4,
          markLine: start
            ? {
                symbol: 'none',
                silent: true,
                label: { formatter: labels.start, position: 'insideEndTop', color: '#5d6678' },
                lineStyle: { color: '#5d6678', type: 'dashed' },
                data: [{ xAxis: start }],
              }
            : undefined,
        },
      ],
    });
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [rows, history, lang, labels]);
  return <div ref={el} className="forecast-chart" data-testid="forecast-chart" role="img" aria-label={`${labels.expected} / ${labels.actual}`} />;
}
