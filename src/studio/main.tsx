import { render } from 'preact';
import { App } from './App.js';
import { REPORT_CSS } from '../report/ReportView.js';
import './studio.css';

const style = document.createElement('style');
style.textContent = REPORT_CSS;
document.head.append(style);
render(<App />, document.getElementById('app')!);
